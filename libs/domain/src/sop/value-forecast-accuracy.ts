import { forecastAccuracy, type ForecastAccuracy } from './forecast-accuracy';

/** How far ahead a value forecast is judged: made one, three and six months before the month it is for. */
export const FORECAST_HORIZONS = [1, 3, 6] as const;

/** One initiative's forecast for one month, as an S&OP cycle recorded it, and what finance later confirmed for that month. */
export interface RecordedForecast {
  /** Whose forecast it is: the owner, the program or the unit it is judged by. */
  by: string;
  /** The month of the cycle that recorded it. */
  recordedIn: string;
  period: string;
  forecast: number;
  confirmed: number;
}

export interface ForecastAccuracyByHorizon extends ForecastAccuracy {
  by: string;
  horizon: number;
}

/** Whole months from one YYYY-MM to another (2027-01 to 2027-04 is 3). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/**
 * How well each owner (or program, or unit) forecast value: each recorded
 * forecast for a month before `asOf` (finance has had the month to confirm),
 * made `horizon` months ahead, against the value finance confirmed for it.
 * An owner's initiatives are added up per month first, so that a month is
 * judged once (and counted once) whatever the number of initiatives behind
 * it. MAPE, weighted MAPE and bias, per owner and horizon, owners with most
 * forecast value first; an owner with nothing judged at a horizon has no row.
 */
export function valueForecastAccuracy(recorded: readonly RecordedForecast[], asOf: string, horizons: readonly number[] = FORECAST_HORIZONS): ForecastAccuracyByHorizon[] {
  const months = new Map<string, { by: string; horizon: number; forecast: number; confirmed: number }>();
  for (const point of recorded) {
    if (point.period >= asOf) continue;
    const horizon = monthsBetween(point.recordedIn, point.period);
    if (!horizons.includes(horizon)) continue;
    const key = `${point.by}\u0000${point.recordedIn}\u0000${point.period}`;
    const month = months.get(key) ?? { by: point.by, horizon, forecast: 0, confirmed: 0 };
    month.forecast += point.forecast;
    month.confirmed += point.confirmed;
    months.set(key, month);
  }
  const groups = new Map<string, { by: string; horizon: number; points: { forecast: number; actual: number }[] }>();
  for (const month of months.values()) {
    const key = `${month.by}\u0000${month.horizon}`;
    const group = groups.get(key) ?? { by: month.by, horizon: month.horizon, points: [] };
    group.points.push({ forecast: month.forecast, actual: month.confirmed });
    groups.set(key, group);
  }
  const weight = new Map<string, number>();
  for (const group of groups.values()) weight.set(group.by, (weight.get(group.by) ?? 0) + group.points.reduce((sum, point) => sum + Math.abs(point.forecast), 0));
  return [...groups.values()]
    .map((group) => ({ by: group.by, horizon: group.horizon, ...forecastAccuracy(group.points) }))
    .sort((a, b) => (weight.get(b.by) ?? 0) - (weight.get(a.by) ?? 0) || a.by.localeCompare(b.by) || a.horizon - b.horizon);
}
