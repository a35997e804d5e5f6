/** One period of an initiative's ledger, in minor units. */
export interface LedgerPeriod {
  period: string;
  planned: number;
  forecast: number;
  confirmed: number;
}

export interface LedgerTotals {
  planned: number;
  forecast: number;
  confirmed: number;
}

/**
 * Folds measure values (planned and forecast per measure and period) and
 * confirmations (per period) into one line a period, in period order.
 */
export function ledgerPeriods(
  measureValues: readonly { period: string; planned: number; forecast: number }[],
  confirmations: readonly { period: string; amount: number }[],
): { periods: LedgerPeriod[]; totals: LedgerTotals } {
  const byPeriod = new Map<string, LedgerPeriod>();
  const line = (period: string) => {
    let found = byPeriod.get(period);
    if (!found) byPeriod.set(period, (found = { period, planned: 0, forecast: 0, confirmed: 0 }));
    return found;
  };
  for (const value of measureValues) {
    line(value.period).planned += value.planned;
    line(value.period).forecast += value.forecast;
  }
  for (const confirmation of confirmations) line(confirmation.period).confirmed += confirmation.amount;
  const periods = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
  const totals = periods.reduce(
    (sum, period) => ({ planned: sum.planned + period.planned, forecast: sum.forecast + period.forecast, confirmed: sum.confirmed + period.confirmed }),
    { planned: 0, forecast: 0, confirmed: 0 },
  );
  return { periods, totals };
}
