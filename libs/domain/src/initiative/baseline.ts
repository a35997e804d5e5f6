import type { Stage } from '../stage';
import type { Measure } from './measure';
import { conflict, type RuleViolation } from './rule-violation';

/** The stage from which planned values are frozen: the baseline that value is measured against. */
export const BASELINE_STAGE: Stage = 3;

export function isBaselineFrozen(stage: Stage): boolean {
  return stage >= BASELINE_STAGE;
}

/** Planned values change only before the go decision; from then on only the forecast moves. */
export function checkPlanRevision(stage: Stage): RuleViolation | null {
  return isBaselineFrozen(stage)
    ? conflict('the planned values are frozen from stage 3 on (the baseline); update the forecast instead')
    : null;
}

/**
 * Entering stage 3 freezes the plan; a forecast that was never set starts
 * equal to it, so that the two diverge only when someone says so.
 */
export function freezeBaseline(measures: readonly Measure[]): Measure[] {
  return measures.map((measure) => ({
    ...measure,
    plannedValues: measure.plannedValues.map((value) => ({ ...value })),
    forecastValues:
      measure.forecastValues.length > 0
        ? measure.forecastValues.map((value) => ({ ...value }))
        : measure.plannedValues.map((value) => ({ ...value })),
  }));
}
