import type { Actor } from './actor';
import { checkOpen, type InitiativeFacts } from './initiative-facts';
import { periodAmountProblems, type PeriodAmount } from './measure';
import { forbidden, unprocessable, type RuleViolation } from './rule-violation';

export interface MeasureForecast {
  measureId: string;
  forecastValues: PeriodAmount[];
}

/**
 * A planning system's forecast: the feed source that sent it, and the
 * programs it is registered for (as the service receiving it found them).
 */
export interface ForecastFeed {
  source: string;
  programIds: readonly string[];
}

/**
 * The owner keeps the forecast current, beside the planned values, on any
 * open initiative; so may a planning system registered for its program.
 */
export function checkForecastUpdate(actor: Actor, facts: InitiativeFacts, forecasts: readonly MeasureForecast[], feed?: ForecastFeed): RuleViolation | null {
  if (feed) {
    if (!feed.programIds.includes(facts.programId)) return forbidden(`feed source '${feed.source}' is not registered for program ${facts.programId}`);
  } else if (actor.id !== facts.ownerId) {
    return forbidden("updating the forecast requires being the initiative's owner");
  }
  const closed = checkOpen(facts);
  if (closed) return closed;
  const unmet: string[] = [];
  for (const forecast of forecasts) {
    const measure = facts.measures.find((candidate) => candidate.id === forecast.measureId);
    if (!measure) unmet.push(`measure ${forecast.measureId} is not a measure of this initiative`);
    unmet.push(...periodAmountProblems(forecast.forecastValues, `forecast of ${measure ? `'${measure.name}'` : forecast.measureId}`));
  }
  if (forecasts.length === 0) unmet.push('the forecast names no measure');
  return unmet.length > 0 ? unprocessable(`the forecast cannot be updated: ${unmet.join('; ')}`, unmet) : null;
}
