import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What follows the S&OP meeting: the actions its decisions ask for, each
 * exception's value at risk and figures (the late milestone, recurrence), and
 * the late milestone of an escalated initiative as the portfolio knows it.
 */
export class AfterTheMeeting1765238400000 implements MigrationInterface {
  name = 'AfterTheMeeting1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_initiative" ADD "escalation" jsonb`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_exception" ADD "value_at_risk" bigint`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_exception" ADD "figures" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "sop_exception_node_period_idx" ON "plans"."sop_exception" ("org_node_id", "period")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."sop_action" ("id" uuid NOT NULL, "cycle_id" character varying(300) NOT NULL, "org_node_id" uuid NOT NULL, "period" character(7) NOT NULL, "decision_id" uuid NOT NULL, "exception_id" uuid, "title" text NOT NULL, "owner_id" character varying(200) NOT NULL, "chair_id" character varying(200) NOT NULL, "due_date" date NOT NULL, "expected_effect" text NOT NULL, "done_when" text NOT NULL, "value_at_risk" bigint, "status" character varying(20) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminded_at" TIMESTAMP WITH TIME ZONE, "overdue_at" TIMESTAMP WITH TIME ZONE, "escalated_to" character varying(200), "done" jsonb, "dropped" jsonb, "version" integer NOT NULL, CONSTRAINT "sop_action_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sop_action_node_status_idx" ON "plans"."sop_action" ("org_node_id", "status")`);
    await queryRunner.query(`CREATE INDEX "sop_action_owner_status_idx" ON "plans"."sop_action" ("owner_id", "status")`);
    await queryRunner.query(`CREATE INDEX "sop_action_decision_idx" ON "plans"."sop_action" ("decision_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."sop_action_decision_idx"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_action_owner_status_idx"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_action_node_status_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."sop_action"`);
    await queryRunner.query(`DROP INDEX "plans"."sop_exception_node_period_idx"`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_exception" DROP COLUMN "figures"`);
    await queryRunner.query(`ALTER TABLE "plans"."sop_exception" DROP COLUMN "value_at_risk"`);
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_initiative" DROP COLUMN "escalation"`);
  }
}
