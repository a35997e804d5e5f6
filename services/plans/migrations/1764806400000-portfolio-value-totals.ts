import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Value per program, currency, stage and period, kept by the projection; filled once from the rows already there. */
export class PortfolioValueTotals1764806400000 implements MigrationInterface {
  name = 'PortfolioValueTotals1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."portfolio_value_total" ("program_id" character varying(200) NOT NULL, "currency" character(3) NOT NULL, "stage" smallint NOT NULL, "period" character varying(7) NOT NULL, "planned" bigint NOT NULL, "forecast" bigint NOT NULL, "confirmed" bigint NOT NULL, CONSTRAINT "portfolio_value_total_pkey" PRIMARY KEY ("program_id", "currency", "stage", "period"))`,
    );
    await queryRunner.query(`
      INSERT INTO "plans"."portfolio_value_total" (program_id, currency, stage, period, planned, forecast, confirmed)
      SELECT program_id, currency, stage, period, SUM(planned), SUM(forecast), SUM(confirmed) FROM (
        SELECT initiative.program_id, initiative.currency, initiative.stage, value.period, value.planned, value.forecast, 0 AS confirmed
          FROM "plans"."portfolio_period_value" value JOIN "plans"."portfolio_initiative" initiative USING (initiative_id)
         WHERE initiative.status <> 'cancelled'
        UNION ALL
        SELECT initiative.program_id, initiative.currency, initiative.stage, confirmation.period, 0, 0, confirmation.amount
          FROM "plans"."portfolio_confirmation" confirmation JOIN "plans"."portfolio_initiative" initiative USING (initiative_id)
         WHERE initiative.status <> 'cancelled' AND confirmation.currency = initiative.currency AND confirmation.period IS NOT NULL
      ) cells
      GROUP BY program_id, currency, stage, period`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plans"."portfolio_value_total"`);
  }
}
