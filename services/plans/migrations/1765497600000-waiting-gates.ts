import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gate request an initiative waits on, so that one waiting past the policy is off plan. */
export class WaitingGates1765497600000 implements MigrationInterface {
  name = 'WaitingGates1765497600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_initiative" ADD "waiting_gate" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_initiative" DROP COLUMN "waiting_gate"`);
  }
}
