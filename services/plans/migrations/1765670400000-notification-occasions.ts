import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each notification was sent on, as the audit trail's entry of the same change names it. */
export class NotificationOccasions1765670400000 implements MigrationInterface {
  name = 'NotificationOccasions1765670400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."notification" ADD "occasion" character varying(300)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."notification" DROP COLUMN "occasion"`);
  }
}
