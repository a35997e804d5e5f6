import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What people are told and its receipts, their settings, and the initiatives as the notifications know them. */
export class Notifications1765584000000 implements MigrationInterface {
  name = 'Notifications1765584000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."notification" ("id" uuid NOT NULL, "event_id" character varying(200) NOT NULL, "event_type" character varying(100) NOT NULL, "recipient_id" character varying(200) NOT NULL, "channel" character varying(20) NOT NULL, "kind" character varying(40) NOT NULL, "about" character varying(200) NOT NULL, "title" character varying(400) NOT NULL, "happened" text NOT NULL, "asked" text, "due_by" character varying(10), "link" character varying(400) NOT NULL, "value_at_stake" bigint, "currency" character(3), "delivery" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_error" text, "address" character varying(254), "sent_at" TIMESTAMP WITH TIME ZONE, "message_id" character varying(400), "server_response" character varying(400), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "notification_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_once_idx" ON "plans"."notification" ("event_id", "recipient_id", "channel")`);
    await queryRunner.query(`CREATE INDEX "notification_recipient_idx" ON "plans"."notification" ("recipient_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "notification_about_idx" ON "plans"."notification" ("about")`);
    // What the delivery loop looks for: what is due to be sent now.
    await queryRunner.query(`CREATE INDEX "notification_due_idx" ON "plans"."notification" ("next_attempt_at") WHERE "status" = 'pending'`);
    await queryRunner.query(
      `CREATE TABLE "plans"."notification_setting" ("person_id" character varying(200) NOT NULL, "email" character varying(254), "name" character varying(200), "roles" text array NOT NULL DEFAULT '{}', "deliveries" jsonb NOT NULL DEFAULT '{}', "digest_hour" smallint NOT NULL DEFAULT 8, "time_zone" character varying(64) NOT NULL DEFAULT 'UTC', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "notification_setting_pkey" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans"."notice_initiative" ("initiative_id" character varying(200) NOT NULL, "title" character varying(200) NOT NULL, "owner_id" character varying(200) NOT NULL, "sponsor_id" character varying(200) NOT NULL, "controller_id" character varying(200), "currency" character(3) NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "notice_initiative_pkey" PRIMARY KEY ("initiative_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."notice_initiative"`);
    await queryRunner.query(`DROP TABLE "plans"."notification_setting"`);
    await queryRunner.query(`DROP TABLE "plans"."notification"`);
  }
}
