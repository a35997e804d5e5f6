import { isPeriod } from '../period';

/** An amount in minor units for one `YYYY-MM` period. */
export interface PeriodAmount {
  period: string;
  amount: number;
}

/** A measure of an initiative: where its value comes from, planned per period. */
export interface Measure {
  id: string;
  name: string;
  category: string;
  plannedValues: PeriodAmount[];
  /** The latest expectation, kept beside the planned values (the baseline from stage 3 on). */
  forecastValues: PeriodAmount[];
}

export function sumAmounts(values: readonly PeriodAmount[]): number {
  return values.reduce((sum, value) => sum + value.amount, 0);
}

export function totalPlanned(measures: readonly Measure[]): number {
  return measures.reduce((sum, measure) => sum + sumAmounts(measure.plannedValues), 0);
}

export function totalForecast(measures: readonly Measure[]): number {
  return measures.reduce((sum, measure) => sum + sumAmounts(measure.forecastValues), 0);
}

/** Problems with a list of period amounts: malformed or repeated periods, non-integer or negative amounts. */
export function periodAmountProblems(values: readonly PeriodAmount[], what: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (!isPeriod(value.period)) problems.push(`${what}: '${value.period}' is not a YYYY-MM period`);
    else if (seen.has(value.period)) problems.push(`${what}: period ${value.period} appears twice`);
    seen.add(value.period);
    if (!Number.isSafeInteger(value.amount) || value.amount < 0) {
      problems.push(`${what}: the amount for ${value.period} must be a whole number of minor units, not negative`);
    }
  }
  return problems;
}
