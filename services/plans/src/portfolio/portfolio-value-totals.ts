import type { EntityManager } from 'typeorm';

/** One cell of the totals: a program's value in one currency, stage and period. */
export interface TotalCell {
  programId: string;
  currency: string;
  stage: number;
  period: string;
  planned: number;
  forecast: number;
  confirmed: number;
}

const keyOf = (cell: Pick<TotalCell, 'programId' | 'currency' | 'stage' | 'period'>) => `${cell.programId}\u0000${cell.currency}\u0000${cell.stage}\u0000${cell.period}`;

/**
 * What an event changed in the totals: the initiative's cells after it less
 * its cells before, the cells that did not change left out, in one fixed
 * order (program, currency, stage, period) so that two transactions adding to
 * the same cells lock them in the same order and never deadlock.
 */
export function totalsDifference(before: readonly TotalCell[], after: readonly TotalCell[]): TotalCell[] {
  const cells = new Map<string, TotalCell>();
  const add = (cell: TotalCell, sign: 1 | -1) => {
    const key = keyOf(cell);
    const sum = cells.get(key) ?? { ...cell, planned: 0, forecast: 0, confirmed: 0 };
    cells.set(key, { ...sum, planned: sum.planned + sign * cell.planned, forecast: sum.forecast + sign * cell.forecast, confirmed: sum.confirmed + sign * cell.confirmed });
  };
  before.forEach((cell) => add(cell, -1));
  after.forEach((cell) => add(cell, 1));
  return [...cells.values()]
    .filter((cell) => cell.planned !== 0 || cell.forecast !== 0 || cell.confirmed !== 0)
    .sort((a, b) => a.programId.localeCompare(b.programId) || a.currency.localeCompare(b.currency) || a.stage - b.stage || a.period.localeCompare(b.period));
}

/** What one initiative adds to the totals now: nothing while unknown or cancelled. */
export async function cellsOfInitiative(manager: EntityManager, initiativeId: string): Promise<TotalCell[]> {
  const rows = (await manager.query(
    `SELECT initiative.program_id, initiative.currency, initiative.stage, cell.period, SUM(cell.planned) AS planned, SUM(cell.forecast) AS forecast, SUM(cell.confirmed) AS confirmed
       FROM plans.portfolio_initiative initiative
       CROSS JOIN LATERAL (
         SELECT period, planned, forecast, 0::bigint AS confirmed FROM plans.portfolio_period_value WHERE initiative_id = initiative.initiative_id
         UNION ALL
         SELECT period, 0, 0, amount FROM plans.portfolio_confirmation
          WHERE initiative_id = initiative.initiative_id AND currency = initiative.currency AND period IS NOT NULL
       ) cell
      WHERE initiative.initiative_id = $1 AND initiative.status <> 'cancelled'
      GROUP BY initiative.program_id, initiative.currency, initiative.stage, cell.period`,
    [initiativeId],
  )) as { program_id: string; currency: string; stage: number; period: string; planned: string; forecast: string; confirmed: string }[];
  return rows.map((row) => ({
    programId: row.program_id,
    currency: row.currency,
    stage: Number(row.stage),
    period: row.period,
    planned: Number(row.planned),
    forecast: Number(row.forecast),
    confirmed: Number(row.confirmed),
  }));
}

/** Adds the difference to the totals, in the difference's order. */
export async function addToTotals(manager: EntityManager, difference: readonly TotalCell[]): Promise<void> {
  for (const cell of difference) {
    await manager.query(
      `INSERT INTO plans.portfolio_value_total (program_id, currency, stage, period, planned, forecast, confirmed) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (program_id, currency, stage, period) DO UPDATE
         SET planned = portfolio_value_total.planned + EXCLUDED.planned,
             forecast = portfolio_value_total.forecast + EXCLUDED.forecast,
             confirmed = portfolio_value_total.confirmed + EXCLUDED.confirmed`,
      [cell.programId, cell.currency, cell.stage, cell.period, cell.planned, cell.forecast, cell.confirmed],
    );
  }
}
