import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every audit entry is sealed and every initiative has its chain head from now on. */
export class AuditChainRequired1764892800002 implements MigrationInterface {
  name = 'AuditChainRequired1764892800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ALTER COLUMN "previous_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ALTER COLUMN "audit_head_revision" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ALTER COLUMN "audit_head_hash" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ALTER COLUMN "audit_head_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ALTER COLUMN "audit_head_revision" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ALTER COLUMN "hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ALTER COLUMN "previous_hash" DROP NOT NULL`);
  }
}
