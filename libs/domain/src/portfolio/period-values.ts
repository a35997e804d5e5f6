import type { LedgerPeriod } from '../finance/ledger';

/** Planned and forecast value of one initiative in one period, in minor units. */
export interface PeriodValue {
  period: string;
  planned: number;
  forecast: number;
}

interface PeriodAmount {
  period: string;
  amount: number;
}

/** An initiative's measures as its events carry them: planned and forecast per period. */
export interface MeasurePeriods {
  plannedValues: readonly PeriodAmount[];
  forecastValues: readonly PeriodAmount[];
}

function inPeriodOrder(byPeriod: Map<string, PeriodValue>): PeriodValue[] {
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

function line(byPeriod: Map<string, PeriodValue>, period: string): PeriodValue {
  let found = byPeriod.get(period);
  if (!found) byPeriod.set(period, (found = { period, planned: 0, forecast: 0 }));
  return found;
}

/** An initiative's measures added up per period: one line for every period any measure names. */
export function periodValues(measures: readonly MeasurePeriods[]): PeriodValue[] {
  const byPeriod = new Map<string, PeriodValue>();
  for (const measure of measures) {
    for (const value of measure.plannedValues) line(byPeriod, value.period).planned += value.amount;
    for (const value of measure.forecastValues) line(byPeriod, value.period).forecast += value.amount;
  }
  return inPeriodOrder(byPeriod);
}

/**
 * A forecast update carries every measure's forecast but no planned values:
 * the planned side stays as it was, the forecast side is replaced whole.
 */
export function withForecasts(current: readonly PeriodValue[], measures: readonly { forecastValues: readonly PeriodAmount[] }[]): PeriodValue[] {
  const byPeriod = new Map<string, PeriodValue>(current.map((value) => [value.period, { ...value, forecast: 0 }]));
  for (const measure of measures) {
    for (const value of measure.forecastValues) line(byPeriod, value.period).forecast += value.amount;
  }
  return inPeriodOrder(byPeriod);
}

/**
 * Every period from `from` to `to`, each with its figures or zeros: a report
 * over a range shows the quiet months too, so that series line up.
 */
export function figuresOverPeriods(periods: readonly string[], rows: readonly LedgerPeriod[]): LedgerPeriod[] {
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  return periods.map((period) => {
    const row = byPeriod.get(period);
    return { period, planned: row?.planned ?? 0, forecast: row?.forecast ?? 0, confirmed: row?.confirmed ?? 0 };
  });
}
