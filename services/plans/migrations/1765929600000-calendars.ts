import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The milestones as the calendars need them, and each person's calendar link (only its hash is kept). */
export class Calendars1765929600000 implements MigrationInterface {
  name = 'Calendars1765929600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."calendar_milestone" ("initiative_id" character varying(200) NOT NULL, "milestone_id" character varying(200) NOT NULL, "title" character varying(200) NOT NULL, "due_date" character varying(10) NOT NULL, "owner_id" character varying(200) NOT NULL, "done" boolean NOT NULL DEFAULT false, CONSTRAINT "calendar_milestone_pkey" PRIMARY KEY ("initiative_id", "milestone_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "calendar_milestone_owner_idx" ON "plans"."calendar_milestone" ("owner_id")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."calendar_token" ("person_id" character varying(200) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "calendar_token_pkey" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "calendar_token_hash_idx" ON "plans"."calendar_token" ("token_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."calendar_token"`);
    await queryRunner.query(`DROP TABLE "plans"."calendar_milestone"`);
  }
}
