import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The projection of the lifecycle workflows, their gate requests and audit trail, and the programs known from plans. */
export class InitiativeLifecycle1764115200000 implements MigrationInterface {
  name = 'InitiativeLifecycle1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "initiatives"."initiative_code_seq" AS bigint START 1`);
    await queryRunner.query(
      `CREATE TABLE "initiatives"."initiative" ("id" uuid NOT NULL, "code" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "title_key" character varying(200) NOT NULL, "program_id" character varying(200) NOT NULL, "owner_id" character varying(200) NOT NULL, "sponsor_id" character varying(200) NOT NULL, "controller_id" character varying(200), "stage" smallint NOT NULL, "status" character varying(20) NOT NULL, "closure_state" character varying(30) NOT NULL, "currency" character(3) NOT NULL, "planned_value" bigint NOT NULL, "forecast_value" bigint NOT NULL, "confirmed_value" bigint NOT NULL, "workflow_id" character varying(250) NOT NULL, "revision" integer NOT NULL, "state" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "initiative_code_key" UNIQUE ("code"), CONSTRAINT "initiative_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "initiative_program_title_idx" ON "initiatives"."initiative" ("program_id", "title_key")`);
    await queryRunner.query(`CREATE INDEX "initiative_status_idx" ON "initiatives"."initiative" ("status")`);
    await queryRunner.query(`CREATE INDEX "initiative_program_stage_idx" ON "initiatives"."initiative" ("program_id", "stage")`);
    await queryRunner.query(
      `CREATE TABLE "initiatives"."gate_request" ("id" uuid NOT NULL, "initiative_id" uuid NOT NULL, "target_stage" smallint NOT NULL, "state" character varying(20) NOT NULL, "submitted_by" character varying(200) NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "evidence" jsonb NOT NULL, "approvals" jsonb NOT NULL, "rejection" jsonb, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "gate_request_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "gate_request_initiative_idx" ON "initiatives"."gate_request" ("initiative_id", "submitted_at")`);
    await queryRunner.query(
      `CREATE TABLE "initiatives"."audit_entry" ("id" BIGSERIAL NOT NULL, "initiative_id" uuid NOT NULL, "revision" integer NOT NULL, "action" character varying(40) NOT NULL, "actor_id" character varying(200) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" text, "evidence" jsonb, "details" jsonb NOT NULL, CONSTRAINT "audit_entry_initiative_revision_key" UNIQUE ("initiative_id", "revision"), CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "initiatives"."known_org_node" ("node_id" character varying(200) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(30) NOT NULL, "parent_id" character varying(200), "event_id" character varying(200) NOT NULL, CONSTRAINT "known_org_node_pkey" PRIMARY KEY ("node_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "initiatives"."known_org_node"`);
    await queryRunner.query(`DROP TABLE "initiatives"."audit_entry"`);
    await queryRunner.query(`DROP INDEX "initiatives"."gate_request_initiative_idx"`);
    await queryRunner.query(`DROP TABLE "initiatives"."gate_request"`);
    await queryRunner.query(`DROP INDEX "initiatives"."initiative_program_stage_idx"`);
    await queryRunner.query(`DROP INDEX "initiatives"."initiative_status_idx"`);
    await queryRunner.query(`DROP INDEX "initiatives"."initiative_program_title_idx"`);
    await queryRunner.query(`DROP TABLE "initiatives"."initiative"`);
    await queryRunner.query(`DROP SEQUENCE "initiatives"."initiative_code_seq"`);
  }
}
