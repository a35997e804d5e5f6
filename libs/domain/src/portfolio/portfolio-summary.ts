import { STAGES, type Stage } from '../stage';

/** Count and values of the initiatives at one stage, in minor units. */
export interface StageFigures {
  stage: Stage;
  count: number;
  planned: number;
  forecast: number;
  confirmed: number;
}

/**
 * The summary of a portfolio: every stage listed (zero where none stand),
 * and their total. Planned, forecast and confirmed are added up apart,
 * never into one another.
 */
export function portfolioSummary(rows: readonly StageFigures[]): { total: Omit<StageFigures, 'stage'>; byStage: StageFigures[] } {
  const byStage = STAGES.map(({ stage }) => {
    const found = rows.filter((row) => row.stage === stage);
    return {
      stage,
      count: found.reduce((sum, row) => sum + row.count, 0),
      planned: found.reduce((sum, row) => sum + row.planned, 0),
      forecast: found.reduce((sum, row) => sum + row.forecast, 0),
      confirmed: found.reduce((sum, row) => sum + row.confirmed, 0),
    };
  });
  const total = byStage.reduce(
    (sum, row) => ({ count: sum.count + row.count, planned: sum.planned + row.planned, forecast: sum.forecast + row.forecast, confirmed: sum.confirmed + row.confirmed }),
    { count: 0, planned: 0, forecast: 0, confirmed: 0 },
  );
  return { total, byStage };
}
