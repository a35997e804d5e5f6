import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The figure a decision expects by a date, and what the engine found on that day. */
export class DecisionChecks1765411200000 implements MigrationInterface {
  name = 'DecisionChecks1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."sop_decision" ADD "expects" jsonb`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_decision" ADD "check_result" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."sop_decision" DROP COLUMN "check_result"`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_decision" DROP COLUMN "expects"`);
  }
}
