import type { Period } from '../period';
import { forecastAccuracy, type ForecastAccuracy } from './forecast-accuracy';
import type { PlanCell } from './plan-cell';

/** Demand as it happened, posted per product family and period (a volume). */
export interface ActualDemand {
  family: string;
  period: Period;
  volume: number;
}

export interface FamilyForecastAccuracy extends Omit<ForecastAccuracy, 'periods'> {
  family: string;
  /** The periods compared, in order: the plan's demand as the forecast beside the actual. */
  points: { period: Period; forecast: number; actual: number }[];
}

/**
 * The plan's demand line taken as the forecast, family by family, against the
 * actuals posted for it: only periods that have both count, and only those
 * within `from`..`to` (each bound optional, both included).
 */
export function accuracyByFamily(
  plan: readonly PlanCell[],
  actuals: readonly ActualDemand[],
  range: { from?: Period; to?: Period } = {},
): FamilyForecastAccuracy[] {
  const inRange = (period: Period) => (!range.from || period >= range.from) && (!range.to || period <= range.to);
  const forecasts = new Map(plan.filter((cell) => cell.line === 'demand' && inRange(cell.period)).map((cell) => [`${cell.family}\u0000${cell.period}`, cell.amount]));
  const byFamily = new Map<string, FamilyForecastAccuracy['points']>();
  for (const actual of actuals) {
    const forecast = forecasts.get(`${actual.family}\u0000${actual.period}`);
    if (forecast === undefined || !inRange(actual.period)) continue;
    const points = byFamily.get(actual.family) ?? [];
    points.push({ period: actual.period, forecast, actual: actual.volume });
    byFamily.set(actual.family, points);
  }
  return [...byFamily.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, points]) => {
      points.sort((a, b) => a.period.localeCompare(b.period));
      const { mape, wmape, bias } = forecastAccuracy(points);
      return { family, points, mape, wmape, bias };
    });
}
