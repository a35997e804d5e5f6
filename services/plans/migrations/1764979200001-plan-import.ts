import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The files imported into plans, by content. */
export class PlanImport1764979200001 implements MigrationInterface {
  name = 'PlanImport1764979200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."plan_import" ("plan_id" uuid NOT NULL, "content_sha256" character(64) NOT NULL, "imported_by" character varying(200) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cells" integer NOT NULL, CONSTRAINT "plan_import_pkey" PRIMARY KEY ("plan_id", "content_sha256"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."plan_import"`);
  }
}
