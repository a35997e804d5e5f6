import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the delivery looks for, apart: notices due now, and the people with notices waiting for their digest. */
export class NotificationIndexes1766016000000 implements MigrationInterface {
  name = 'NotificationIndexes1766016000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."notification_due_idx"`);
    await queryRunner.query(`CREATE INDEX "notification_due_idx" ON "plans"."notification" ("next_attempt_at") WHERE "status" = 'pending' AND "delivery" = 'immediate'`);
    await queryRunner.query(`CREATE INDEX "notification_digest_idx" ON "plans"."notification" ("recipient_id") WHERE "status" = 'pending' AND "delivery" = 'digest'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."notification_digest_idx"`);
    await queryRunner.query(`DROP INDEX "plans"."notification_due_idx"`);
    await queryRunner.query(`CREATE INDEX "notification_due_idx" ON "plans"."notification" ("next_attempt_at") WHERE "status" = 'pending'`);
  }
}
