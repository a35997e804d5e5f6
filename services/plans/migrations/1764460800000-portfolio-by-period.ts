import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio read model per period: each initiative's planned and forecast
 * value a period, the period of each confirmation, and who and when of each
 * initiative (title, owner, sponsor, when implemented and closed).
 */
export class PortfolioByPeriod1764460800000 implements MigrationInterface {
  name = 'PortfolioByPeriod1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."portfolio_period_value" ("initiative_id" character varying(200) NOT NULL, "period" character varying(7) NOT NULL, "planned" bigint NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "portfolio_period_value_pkey" PRIMARY KEY ("initiative_id", "period"))`,
    );
    // Rows kept before this change get empty names until a replay (a new consumer group) fills them; new rows always carry them.
    await queryRunner.query(
      `ALTER TABLE "plans"."portfolio_initiative" ADD "title" character varying(200) NOT NULL DEFAULT '', ADD "owner_id" character varying(200) NOT NULL DEFAULT '', ADD "sponsor_id" character varying(200) NOT NULL DEFAULT '', ADD "implemented_at" TIMESTAMP WITH TIME ZONE, ADD "closed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "plans"."portfolio_initiative" ALTER COLUMN "title" DROP DEFAULT, ALTER COLUMN "owner_id" DROP DEFAULT, ALTER COLUMN "sponsor_id" DROP DEFAULT`,
    );
    // Nullable: an old confirmation's period is unknown, and a made-up one would land in some period's figures.
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_confirmation" ADD "period" character varying(7)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "plans"."portfolio_confirmation" DROP COLUMN "period"`);
    await queryRunner.query(
      `ALTER TABLE "plans"."portfolio_initiative" DROP COLUMN "closed_at", DROP COLUMN "implemented_at", DROP COLUMN "sponsor_id", DROP COLUMN "owner_id", DROP COLUMN "title"`,
    );
    await queryRunner.query(`DROP TABLE "plans"."portfolio_period_value"`);
  }
}
