/** How far a figure may stray before it is an exception: both limits must be passed. Set per node. */
export interface DeviationThreshold {
  /** In the figure's unit (minor units or volume). */
  absolute: number;
  /** As a ratio of the reference (0.1 is 10 %). */
  percent: number;
}

/** Every kind of deviation from plan, in the order a list shows kinds of equal value at risk. */
export const SOP_EXCEPTION_KINDS = [
  'forecast_below_target',
  'forecast_below_target_ytd',
  'forecast_below_plan',
  'forecast_above_plan',
  'initiative_escalated',
  'gate_request_waiting',
  'phantom_progress',
  'action_overdue',
  'demand_exceeds_capacity',
] as const;

export type SopExceptionKind = (typeof SOP_EXCEPTION_KINDS)[number];

/** Each kind of exception in words, for what the engine writes (an action's default expected effect); the cockpit has its own labels. */
export const SOP_EXCEPTION_WORDS: Record<SopExceptionKind, string> = {
  forecast_below_target: 'the forecast under target',
  forecast_below_target_ytd: 'the year to date under target',
  forecast_below_plan: 'the forecast under plan',
  forecast_above_plan: 'the forecast over plan',
  initiative_escalated: 'the escalated initiative',
  gate_request_waiting: 'the gate request waiting for its keys',
  phantom_progress: 'the phantom progress',
  action_overdue: 'the overdue action',
  demand_exceeds_capacity: 'demand beyond capacity',
};

/** What an exception's figures add to reference, actual and deviation, by kind. */
export interface SopExceptionFigures {
  /** An escalated initiative's late milestone, how late it is and the rung of the ladder it reached. */
  milestone?: { milestoneId: string; title: string; dueDate: string; daysLate: number; level: number };
  /** A gate request waiting for its keys past the policy: which gate, since when, for how many days, and the keys it needs. */
  gateRequest?: { gateRequestId: string; targetStage: number; submittedAt: string; daysWaiting: number; keys: string[][] };
  /** Why progress is phantom (see `phantomProgress`). */
  reasons?: string[];
  /** The first period a year-to-date figure counts. */
  from?: string;
  /** An overdue action's title and due date. */
  action?: { title: string; dueDate: string };
  /** How many cycles in a row it has been raised, this one included, and whether a mitigation accepted earlier passed its date without removing it. */
  recurrence?: { cycles: number; mitigationFailed: boolean };
}

/** A deviation the S&OP cycle must hear about, with the mitigation it owes. */
export interface SopException {
  kind: SopExceptionKind;
  subject: string;
  period: string;
  reference: number;
  actual: number;
  deviation: number;
  /** Who owes the mitigation (action and due date). */
  owner: string;
  /** Value (minor units) that the deviation puts at risk; null where it is not a value (a capacity gap in volumes). Lists rank by it. */
  valueAtRisk: number | null;
  figures: SopExceptionFigures;
}

/**
 * A deviation counts only when it passes both the absolute and the percent
 * limit: a small node's noise and a large node's rounding are both ignored.
 */
export function isBeyondThreshold(reference: number, value: number, threshold: DeviationThreshold): boolean {
  const deviation = Math.abs(value - reference);
  const ratio = reference === 0 ? (deviation === 0 ? 0 : Infinity) : deviation / Math.abs(reference);
  return deviation > threshold.absolute && ratio > threshold.percent;
}

/** Forecast against plan and target for one node and period: every exception, each with its owner. */
export function planExceptions(
  figures: { subject: string; period: string; plan: number; target: number | null; forecast: number; owner: string },
  threshold: DeviationThreshold,
): SopException[] {
  const exceptions: SopException[] = [];
  const base = { subject: figures.subject, period: figures.period, actual: figures.forecast, owner: figures.owner, figures: {} };
  if (isBeyondThreshold(figures.plan, figures.forecast, threshold)) {
    exceptions.push({
      ...base,
      kind: figures.forecast < figures.plan ? 'forecast_below_plan' : 'forecast_above_plan',
      reference: figures.plan,
      deviation: figures.forecast - figures.plan,
      valueAtRisk: Math.max(figures.plan - figures.forecast, 0),
    });
  }
  if (figures.target !== null && figures.forecast < figures.target && isBeyondThreshold(figures.target, figures.forecast, threshold)) {
    exceptions.push({ ...base, kind: 'forecast_below_target', reference: figures.target, deviation: figures.forecast - figures.target, valueAtRisk: figures.target - figures.forecast });
  }
  return exceptions;
}

/** Demand beyond capacity for a product family and period, past the threshold. */
export function capacityException(
  figures: { subject: string; period: string; demand: number; capacity: number; owner: string },
  threshold: DeviationThreshold,
): SopException | null {
  if (figures.demand <= figures.capacity || !isBeyondThreshold(figures.capacity, figures.demand, threshold)) return null;
  return {
    kind: 'demand_exceeds_capacity',
    subject: figures.subject,
    period: figures.period,
    reference: figures.capacity,
    actual: figures.demand,
    deviation: figures.demand - figures.capacity,
    owner: figures.owner,
    valueAtRisk: null,
    figures: {},
  };
}
