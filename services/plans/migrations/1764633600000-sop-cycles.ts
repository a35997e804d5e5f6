import type { MigrationInterface, QueryRunner } from 'typeorm';

/** S&OP cycles as their workflows project them, their exceptions with mitigations, their decisions, and each node's cycle setup. */
export class SopCycles1764633600000 implements MigrationInterface {
  name = 'SopCycles1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_cycle" ("id" character varying(300) NOT NULL, "org_node_id" uuid NOT NULL, "period" character(7) NOT NULL, "step" character varying(30) NOT NULL, "chair_id" character varying(200) NOT NULL, "started_by" character varying(200) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, "state" jsonb NOT NULL, CONSTRAINT "sop_cycle_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sop_cycle_node_period_idx" ON "plans"."sop_cycle" ("org_node_id", "period")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_exception" ("id" uuid NOT NULL, "cycle_id" character varying(300) NOT NULL, "org_node_id" uuid NOT NULL, "period" character(7) NOT NULL, "kind" character varying(40) NOT NULL, "subject" character varying(300) NOT NULL, "reference" bigint NOT NULL, "actual" bigint NOT NULL, "deviation" bigint NOT NULL, "owner_id" character varying(200) NOT NULL, "state" character varying(30) NOT NULL, "mitigation" jsonb, CONSTRAINT "sop_exception_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sop_exception_cycle_idx" ON "plans"."sop_exception" ("cycle_id")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_decision" ("id" uuid NOT NULL, "cycle_id" character varying(300), "org_node_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "subject" character varying(300), "rationale" text NOT NULL, "decided_by" character varying(200) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" jsonb NOT NULL, CONSTRAINT "sop_decision_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sop_decision_cycle_idx" ON "plans"."sop_decision" ("cycle_id")`);
    await queryRunner.query(`CREATE INDEX "sop_decision_node_idx" ON "plans"."sop_decision" ("org_node_id", "decided_at")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_cycle_setup" ("org_node_id" uuid NOT NULL, "owners" jsonb NOT NULL, "durations" jsonb NOT NULL, "mitigation_window" character varying(40) NOT NULL, "schedule_day" smallint, "schedule_hour" smallint, "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "sop_cycle_setup_pkey" PRIMARY KEY ("org_node_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."sop_cycle_setup"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_decision_node_idx"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_decision_cycle_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."sop_decision"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_exception_cycle_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."sop_exception"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_cycle_node_period_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."sop_cycle"`);
  }
}
