import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans per node and period (one plan of record a node, scenarios beside it),
 * actual demand, each node's S&OP policy, and what initiatives need for the pivot.
 */
export class PlansAndScenarios1764547200000 implements MigrationInterface {
  name = 'PlansAndScenarios1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."plan" ("id" uuid NOT NULL, "org_node_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "based_on_plan_id" uuid, "currency" character(3) NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "promoted_by" character varying(200), "promoted_at" TIMESTAMP WITH TIME ZONE, "promotion_rationale" text, CONSTRAINT "plan_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plan_org_node_idx" ON "plans"."plan" ("org_node_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "plan_record_per_node_key" ON "plans"."plan" ("org_node_id") WHERE "kind" = 'record'`);
    await queryRunner.query(
      `CREATE TABLE "plans"."plan_cell" ("plan_id" uuid NOT NULL, "line" character varying(20) NOT NULL, "family" character varying(100) NOT NULL, "period" character(7) NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "plan_cell_pkey" PRIMARY KEY ("plan_id", "line", "family", "period"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans"."plan_actual" ("org_node_id" uuid NOT NULL, "family" character varying(100) NOT NULL, "period" character(7) NOT NULL, "volume" bigint NOT NULL, "posted_by" character varying(200) NOT NULL, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "plan_actual_pkey" PRIMARY KEY ("org_node_id", "family", "period"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_policy" ("org_node_id" uuid NOT NULL, "owner_id" character varying(200), "value_threshold_absolute" bigint NOT NULL, "value_threshold_percent" numeric NOT NULL, "volume_threshold_absolute" bigint NOT NULL, "volume_threshold_percent" numeric NOT NULL, "pivot_budget" bigint, "pivot_fte" numeric, "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "sop_policy_pkey" PRIMARY KEY ("org_node_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans"."initiative_resource" ("initiative_id" character varying(200) NOT NULL, "budget" bigint NOT NULL, "fte" numeric NOT NULL, "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "initiative_resource_pkey" PRIMARY KEY ("initiative_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."initiative_resource"`);
    await queryRunner.query(`DROP TABLE "plans"."sop_policy"`);
    await queryRunner.query(`DROP TABLE "plans"."plan_actual"`);
    await queryRunner.query(`DROP TABLE "plans"."plan_cell"`);
    await queryRunner.query(`DROP INDEX "plans"."plan_record_per_node_key"`);
    await queryRunner.query(`DROP INDEX "plans"."plan_org_node_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."plan"`);
  }
}
