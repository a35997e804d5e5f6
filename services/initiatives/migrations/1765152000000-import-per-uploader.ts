import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An import is one per uploader, file and mode: a second uploader of the same file gets an import of their own. */
export class ImportPerUploader1765152000000 implements MigrationInterface {
  name = 'ImportPerUploader1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "initiatives"."initiative_import_file_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "initiative_import_uploader_file_key" ON "initiatives"."initiative_import" ("imported_by", "content_sha256", "mode")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "initiatives"."initiative_import_uploader_file_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "initiative_import_file_key" ON "initiatives"."initiative_import" ("content_sha256", "mode")`);
  }
}
