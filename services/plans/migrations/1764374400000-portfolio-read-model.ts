import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The portfolio read model: initiatives with their planned and forecast value, and confirmed value apart. */
export class PortfolioReadModel1764374400000 implements MigrationInterface {
  name = 'PortfolioReadModel1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "plans"."portfolio_initiative" ("initiative_id" character varying(200) NOT NULL, "program_id" character varying(200) NOT NULL, "stage" smallint NOT NULL, "status" character varying(20) NOT NULL, "currency" character(3) NOT NULL, "planned" bigint NOT NULL, "forecast" bigint NOT NULL, CONSTRAINT "portfolio_initiative_pkey" PRIMARY KEY ("initiative_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "portfolio_initiative_program_idx" ON "plans"."portfolio_initiative" ("program_id", "stage")`);
    await queryRunner.query(
      `CREATE TABLE "plans"."portfolio_confirmation" ("confirmation_id" character varying(200) NOT NULL, "initiative_id" character varying(200) NOT NULL, "amount" bigint NOT NULL, "currency" character(3) NOT NULL, CONSTRAINT "portfolio_confirmation_pkey" PRIMARY KEY ("confirmation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "portfolio_confirmation_initiative_idx" ON "plans"."portfolio_confirmation" ("initiative_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "plans"."portfolio_confirmation_initiative_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."portfolio_confirmation"`);
    await queryRunner.query(`DROP INDEX "plans"."portfolio_initiative_program_idx"`);
    await queryRunner.query(`DROP TABLE "plans"."portfolio_initiative"`);
  }
}
