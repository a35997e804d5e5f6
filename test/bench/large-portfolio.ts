import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * A large hierarchy written straight into the plans tables (1 organization,
 * 10 business units, 100 programs; initiatives over every stage, one in fifty
 * cancelled, each with a planned and forecast value per period, and value
 * confirmed for the implemented and closed ones in their first half-year).
 * The rows carry the run's prefix and are removed afterwards.
 */
export class LargePortfolio {
  readonly organization = randomUUID();
  readonly units = Array.from({ length: 10 }, () => randomUUID());
  readonly programs = this.units.flatMap(() => Array.from({ length: 10 }, () => randomUUID()));
  private readonly run = `bench-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly pg: Client,
    readonly initiatives: number,
    readonly periods: number,
    /** The first period of the values, as `YYYY-MM`. */
    readonly firstPeriod = '2027-01',
  ) {}

  get hierarchy(): string {
    return `1 organization, ${this.units.length} business units, ${this.programs.length} programs`;
  }

  /** Writes the rows; answers how long it took, in ms. */
  async seed(): Promise<number> {
    const started = performance.now();
    const { pg, run } = this;
    const node = (id: string, name: string, kind: string, parentId: string | null) =>
      pg.query(
        `INSERT INTO plans.org_node (id, name, name_key, kind, parent_id, parent_key, created_by, created_at) VALUES ($1, $2::varchar, lower($2::varchar), $3, $4, $5, 'bench', now())`,
        [id, name, kind, parentId, parentId ?? '-'],
      );
    await node(this.organization, `Bench ${run}`, 'organization', null);
    for (const [index, unit] of this.units.entries()) {
      await node(unit, `Unit ${index}`, 'business_unit', this.organization);
      for (let program = 0; program < 10; program += 1) await node(this.programs[index * 10 + program], `Program ${index}.${program}`, 'program', unit);
    }
    const first = `${this.firstPeriod}-01`;
    // Every stage, one in fifty cancelled; a period's planned value varies with the initiative, the forecast runs a little under it.
    await pg.query(
      `INSERT INTO plans.portfolio_initiative (initiative_id, program_id, stage, status, currency, planned, forecast, title, owner_id, sponsor_id, implemented_at, closed_at)
       SELECT $1 || '-' || n, ($2::text[])[n % array_length($2::text[], 1) + 1], n % 6,
              CASE WHEN n % 50 = 0 THEN 'cancelled' WHEN n % 6 = 5 THEN 'closed' ELSE 'on_track' END, 'EUR',
              $3 * (10000 + (n % 7) * 1000), $3 * (9000 + (n % 7) * 1000), 'Bench initiative ' || n, 'owner-' || (n % 500), 'sponsor-' || (n % 200),
              CASE WHEN n % 6 >= 4 THEN now() - (n % 120) * interval '1 day' END, CASE WHEN n % 6 = 5 THEN now() END
         FROM generate_series(0, $4 - 1) AS n`,
      [run, this.programs, this.periods, this.initiatives],
    );
    await pg.query(
      `INSERT INTO plans.portfolio_period_value (initiative_id, period, planned, forecast)
       SELECT $1 || '-' || n, to_char($4::date + p * interval '1 month', 'YYYY-MM'), 10000 + (n % 7) * 1000, 9000 + (n % 7) * 1000
         FROM generate_series(0, $2 - 1) AS n, generate_series(0, $3 - 1) AS p`,
      [run, this.initiatives, this.periods, first],
    );
    await pg.query(
      `INSERT INTO plans.portfolio_confirmation (confirmation_id, initiative_id, amount, currency, period)
       SELECT $1 || '-' || n || '-' || p, $1 || '-' || n, 8000 + (n % 7) * 1000, 'EUR', to_char($3::date + p * interval '1 month', 'YYYY-MM')
         FROM generate_series(0, $2 - 1) AS n, generate_series(0, 5) AS p
        WHERE n % 6 >= 4`,
      [run, this.initiatives, first],
    );
    // The per-program totals the projection keeps as events arrive, summed once here as the rows were written straight in.
    await pg.query(
      `INSERT INTO plans.portfolio_value_total (program_id, currency, stage, period, planned, forecast, confirmed)
       SELECT program_id, currency, stage, period, SUM(planned), SUM(forecast), SUM(confirmed) FROM (
         SELECT initiative.program_id, initiative.currency, initiative.stage, value.period, value.planned, value.forecast, 0 AS confirmed
           FROM plans.portfolio_period_value value JOIN plans.portfolio_initiative initiative USING (initiative_id)
          WHERE initiative.initiative_id LIKE $1 AND initiative.status <> 'cancelled'
         UNION ALL
         SELECT initiative.program_id, initiative.currency, initiative.stage, confirmation.period, 0, 0, confirmation.amount
           FROM plans.portfolio_confirmation confirmation JOIN plans.portfolio_initiative initiative USING (initiative_id)
          WHERE initiative.initiative_id LIKE $1 AND initiative.status <> 'cancelled' AND confirmation.currency = initiative.currency
       ) cells
       GROUP BY program_id, currency, stage, period`,
      [`${run}-%`],
    );
    await pg.query(`ANALYZE plans.org_node, plans.portfolio_initiative, plans.portfolio_period_value, plans.portfolio_confirmation, plans.portfolio_value_total`);
    return performance.now() - started;
  }

  async remove(): Promise<void> {
    const { pg } = this;
    for (const table of ['portfolio_period_value', 'portfolio_confirmation', 'portfolio_initiative']) {
      await pg.query(`DELETE FROM plans.${table} WHERE initiative_id LIKE $1`, [`${this.run}-%`]);
    }
    await pg.query(`DELETE FROM plans.portfolio_value_total WHERE program_id = ANY($1)`, [this.programs]);
    await pg.query(`DELETE FROM plans.org_node WHERE id = ANY($1::uuid[])`, [this.programs]);
    await pg.query(`DELETE FROM plans.org_node WHERE id = ANY($1::uuid[])`, [this.units]);
    await pg.query(`DELETE FROM plans.org_node WHERE id = $1`, [this.organization]);
    // Millions of dead rows would slow the next tests' scans until autovacuum came by.
    await pg.query(`VACUUM ANALYZE plans.portfolio_period_value, plans.portfolio_confirmation, plans.portfolio_initiative, plans.portfolio_value_total, plans.org_node`);
  }
}
