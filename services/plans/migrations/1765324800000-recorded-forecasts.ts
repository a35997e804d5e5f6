import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each cycle's record of every initiative's value forecast per month ahead, kept to judge the forecasts against confirmed value. */
export class RecordedForecasts1765324800000 implements MigrationInterface {
  name = 'RecordedForecasts1765324800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."recorded_forecast" ("cycle_id" character varying(300) NOT NULL, "initiative_id" character varying(200) NOT NULL, "period" character(7) NOT NULL, "org_node_id" uuid NOT NULL, "recorded_in" character(7) NOT NULL, "owner_id" character varying(200) NOT NULL, "program_id" character varying(200) NOT NULL, "currency" character(3) NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "recorded_forecast_pkey" PRIMARY KEY ("cycle_id", "initiative_id", "period"))`,
    );
    await queryRunner.query(`CREATE INDEX "recorded_forecast_node_idx" ON "plans"."recorded_forecast" ("org_node_id", "period")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."recorded_forecast_node_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."recorded_forecast"`);
  }
}
