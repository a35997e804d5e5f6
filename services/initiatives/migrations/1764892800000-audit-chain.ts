import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's hash chain: each entry's hash and its predecessor's, and
 * the chain's head on the initiative. Nullable until the next migration has
 * sealed the entries written before the chain; the one after requires them.
 */
export class AuditChain1764892800000 implements MigrationInterface {
  name = 'AuditChain1764892800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ADD "previous_hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" ADD "hash" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ADD "audit_head_revision" integer`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" ADD "audit_head_hash" character varying(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" DROP COLUMN "audit_head_hash"`);
    await queryRunner.query(`ALTER TABLE "initiatives"."initiative" DROP COLUMN "audit_head_revision"`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "initiatives"."audit_entry" DROP COLUMN "previous_hash"`);
  }
}
