import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The org hierarchy: organizations, business units and programs, sibling names unique. */
export class OrgHierarchy1764288000000 implements MigrationInterface {
  name = 'OrgHierarchy1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."org_node" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "name_key" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "parent_id" uuid, "parent_key" character varying(40) NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "org_node_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "org_node_sibling_name_key" ON "plans"."org_node" ("parent_key", "name_key")`);
    await queryRunner.query(`CREATE INDEX "org_node_parent_idx" ON "plans"."org_node" ("parent_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."org_node_parent_idx"`);
    await queryRunner.query(`DROP INDEX "plans"."org_node_sibling_name_key"`);
    await queryRunner.query(`DROP TABLE "plans"."org_node"`);
  }
}
