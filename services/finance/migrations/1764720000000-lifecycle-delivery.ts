import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliveries to the lifecycles from finance's own records: each confirmation
 * and rejection is owed to its initiative's workflow from the moment it
 * commits, and delivered in order per initiative.
 */
export class LifecycleDelivery1764720000000 implements MigrationInterface {
  name = 'LifecycleDelivery1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "finance"."lifecycle_delivery" ("sequence" BIGSERIAL NOT NULL, "initiative_id" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "record_id" character varying(200) NOT NULL, "signal" jsonb NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(20), "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" character varying(1000), CONSTRAINT "lifecycle_delivery_record_key" UNIQUE ("kind", "record_id"), CONSTRAINT "lifecycle_delivery_pkey" PRIMARY KEY ("sequence"))`,
    );
    await queryRunner.query(`CREATE INDEX "lifecycle_delivery_pending_idx" ON "finance"."lifecycle_delivery" ("sequence") WHERE delivered_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "finance"."lifecycle_delivery_pending_idx"`);
    await queryRunner.query(`DROP TABLE "finance"."lifecycle_delivery"`);
  }
}
