import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Spreadsheet imports of initiatives and their rows. */
export class InitiativeImport1764979200001 implements MigrationInterface {
  name = 'InitiativeImport1764979200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "initiatives"."initiative_import" ("id" uuid NOT NULL, "content_sha256" character(64) NOT NULL, "mode" character varying(10) NOT NULL, "format" character varying(10) NOT NULL, "content" bytea NOT NULL, "imported_by" character varying(200) NOT NULL, "importer_roles" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "state" character varying(20) NOT NULL, "outcome" jsonb, "file_problems" jsonb NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "initiative_import_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "initiative_import_file_key" ON "initiatives"."initiative_import" ("content_sha256", "mode")`);
    await queryRunner.query(
      `CREATE TABLE "initiatives"."initiative_import_row" ("import_id" uuid NOT NULL, "position" integer NOT NULL, "key" character varying(200) NOT NULL, "source" jsonb NOT NULL, "state" character varying(20) NOT NULL, "problems" jsonb, "draft" jsonb, "initiative_id" uuid, CONSTRAINT "initiative_import_row_pkey" PRIMARY KEY ("import_id", "position"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "initiatives"."initiative_import_row"`);
    await queryRunner.query(`DROP TABLE "initiatives"."initiative_import"`);
  }
}
