import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each initiative's measures with their forecasts in the portfolio, and each
 * cycle's record of them. Initiatives announced before this hold no measures
 * until their next change carries them.
 */
export class MeasureForecasts1766102400000 implements MigrationInterface {
  name = 'MeasureForecasts1766102400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."portfolio_measure" ("initiative_id" character varying(200) NOT NULL, "measure_id" character varying(200) NOT NULL, "name" character varying(200) NOT NULL, "forecast_values" jsonb NOT NULL, CONSTRAINT "portfolio_measure_pkey" PRIMARY KEY ("initiative_id", "measure_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "plans"."recorded_measure_forecast" ("cycle_id" character varying(300) NOT NULL, "initiative_id" character varying(200) NOT NULL, "period" character(7) NOT NULL, "measure_id" character varying(200) NOT NULL, "name" character varying(200) NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "recorded_measure_forecast_pkey" PRIMARY KEY ("cycle_id", "initiative_id", "period", "measure_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."recorded_measure_forecast"`);
    await queryRunner.query(`DROP TABLE "plans"."portfolio_measure"`);
  }
}
