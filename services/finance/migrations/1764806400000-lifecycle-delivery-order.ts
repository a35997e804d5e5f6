import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An initiative's undelivered rows by sequence: a delivery waits while an
 * earlier one of its initiative is undelivered (backing off after a failure),
 * and the dispatcher asks this for every row it considers.
 */
export class LifecycleDeliveryOrder1764806400000 implements MigrationInterface {
  name = 'LifecycleDeliveryOrder1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "lifecycle_delivery_initiative_pending_idx" ON "finance"."lifecycle_delivery" ("initiative_id", "sequence") WHERE delivered_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "finance"."lifecycle_delivery_initiative_pending_idx"`);
  }
}
