import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The local day each person's last daily digest went out on: one a day. */
export class NotificationDigests1765756800000 implements MigrationInterface {
  name = 'NotificationDigests1765756800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."notification_setting" ADD "last_digest_on" character varying(10)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."notification_setting" DROP COLUMN "last_digest_on"`);
  }
}
