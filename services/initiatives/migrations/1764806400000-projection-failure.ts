import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Lifecycle changes that the projection could not store, for operators to see. */
export class ProjectionFailure1764806400000 implements MigrationInterface {
  name = 'ProjectionFailure1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "initiatives"."projection_failure" ("id" BIGSERIAL NOT NULL, "initiative_id" uuid NOT NULL, "first_revision" integer NOT NULL, "last_revision" integer NOT NULL, "actions" character varying(500) NOT NULL, "reason" character varying(2000) NOT NULL, "workflow_id" character varying(250) NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "projection_failure_revision_key" UNIQUE ("initiative_id", "first_revision"), CONSTRAINT "projection_failure_pkey" PRIMARY KEY ("id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "initiatives"."projection_failure"`);
  }
}
