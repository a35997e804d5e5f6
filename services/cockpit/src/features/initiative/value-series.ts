import type { LedgerPeriod } from '@tollgate/domain';

/** Planned, forecast and confirmed per period, in major units, as three series side by side: never stacked, they are not the same kind of number. */
export function valueSeries(values: { periods: readonly LedgerPeriod[] }, minorPerMajor: number) {
  return {
    periods: values.periods.map((row) => row.period),
    planned: values.periods.map((row) => row.planned / minorPerMajor),
    forecast: values.periods.map((row) => row.forecast / minorPerMajor),
    confirmed: values.periods.map((row) => row.confirmed / minorPerMajor),
  };
}
