import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The value ledger: what finance knows of each initiative, planned and forecast values, confirmations and closure rejections. */
export class ValueLedger1764201600000 implements MigrationInterface {
  name = 'ValueLedger1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "finance"."ledger_initiative" ("initiative_id" character varying(200) NOT NULL, "code" character varying(20) NOT NULL, "title" character varying(200) NOT NULL, "program_id" character varying(200) NOT NULL, "owner_id" character varying(200) NOT NULL, "sponsor_id" character varying(200) NOT NULL, "controller_id" character varying(200), "currency" character(3) NOT NULL, "stage" smallint NOT NULL, "status" character varying(20) NOT NULL, "closure_state" character varying(30) NOT NULL, "baseline_frozen" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ledger_initiative_pkey" PRIMARY KEY ("initiative_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ledger_initiative_program_idx" ON "finance"."ledger_initiative" ("program_id")`);
    await queryRunner.query(
      `CREATE TABLE "finance"."measure_value" ("initiative_id" character varying(200) NOT NULL, "measure_id" character varying(200) NOT NULL, "period" character(7) NOT NULL, "measure_name" character varying(200) NOT NULL, "planned" bigint NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "measure_value_pkey" PRIMARY KEY ("initiative_id", "measure_id", "period"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "finance"."confirmation" ("confirmation_id" character varying(200) NOT NULL, "initiative_id" character varying(200) NOT NULL, "period" character(7) NOT NULL, "amount" bigint NOT NULL, "currency" character(3) NOT NULL, "reference" character varying(500) NOT NULL, "controller_id" character varying(200) NOT NULL, "source" character varying(10) NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "confirmation_pkey" PRIMARY KEY ("confirmation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "confirmation_initiative_idx" ON "finance"."confirmation" ("initiative_id", "period")`);
    await queryRunner.query(
      `CREATE TABLE "finance"."closure_rejection" ("rejection_id" character varying(200) NOT NULL, "initiative_id" character varying(200) NOT NULL, "controller_id" character varying(200) NOT NULL, "reason" text NOT NULL, "rejected_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "closure_rejection_pkey" PRIMARY KEY ("rejection_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "finance"."closure_rejection"`);
    await queryRunner.query(`DROP INDEX "finance"."confirmation_initiative_idx"`);
    await queryRunner.query(`DROP TABLE "finance"."confirmation"`);
    await queryRunner.query(`DROP TABLE "finance"."measure_value"`);
    await queryRunner.query(`DROP INDEX "finance"."ledger_initiative_program_idx"`);
    await queryRunner.query(`DROP TABLE "finance"."ledger_initiative"`);
  }
}
