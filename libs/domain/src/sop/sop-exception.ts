/** How far a figure may stray before it is an exception: both limits must be passed. Set per node. */
export interface DeviationThreshold {
  /** In the figure's unit (minor units or volume). */
  absolute: number;
  /** As a ratio of the reference (0.1 is 10 %). */
  percent: number;
}

export type SopExceptionKind = 'forecast_below_plan' | 'forecast_above_plan' | 'forecast_below_target' | 'demand_exceeds_capacity' | 'initiative_escalated';

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
  const base = { subject: figures.subject, period: figures.period, actual: figures.forecast, owner: figures.owner };
  if (isBeyondThreshold(figures.plan, figures.forecast, threshold)) {
    exceptions.push({
      ...base,
      kind: figures.forecast < figures.plan ? 'forecast_below_plan' : 'forecast_above_plan',
      reference: figures.plan,
      deviation: figures.forecast - figures.plan,
    });
  }
  if (figures.target !== null && figures.forecast < figures.target && isBeyondThreshold(figures.target, figures.forecast, threshold)) {
    exceptions.push({ ...base, kind: 'forecast_below_target', reference: figures.target, deviation: figures.forecast - figures.target });
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
  };
}

/** An escalated initiative is always on the agenda; its sponsor owes the mitigation. */
export function escalationException(initiative: { initiativeId: string; status: string; sponsorId: string }, period: string): SopException | null {
  if (initiative.status !== 'escalated') return null;
  return { kind: 'initiative_escalated', subject: initiative.initiativeId, period, reference: 0, actual: 0, deviation: 0, owner: initiative.sponsorId };
}
