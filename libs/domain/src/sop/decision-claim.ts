import { isCalendarDate } from '../calendar-date';

/**
 * What a decision expects to be true by a date, as a figure the engine knows:
 * a family's planned capacity from a month, a family's actual demand in a
 * month (from the sales feeds), the node's forecast or confirmed value for the
 * year, an initiative at a stage. When the date comes the
 * engine reads the figure and says whether the decision had its effect.
 */
export type DecisionClaim =
  | { figure: 'family_capacity'; family: string; from: string; atLeast: number; by: string }
  | { figure: 'family_demand_actual'; family: string; from: string; atLeast: number; by: string }
  | { figure: 'node_forecast'; atLeast: number; by: string }
  | { figure: 'node_confirmed'; atLeast: number; by: string }
  | { figure: 'initiative_stage'; initiativeId: string; atLeast: number; by: string };

export const DECISION_CLAIM_FIGURES = ['family_capacity', 'family_demand_actual', 'node_forecast', 'node_confirmed', 'initiative_stage'] as const;

/** The figure as the engine read it on the claim's date. */
export interface ClaimReading {
  actual: number;
}

/** What became of a decision's claim: met or missed, with the figure read and when. */
export interface DecisionCheck {
  met: boolean;
  expected: number;
  actual: number;
  checkedAt: string;
}

/** What a claim lacks, field by field; an empty list when it can be checked. */
export function claimProblems(claim: Partial<Record<string, unknown>> | null | undefined): string[] {
  if (!claim) return [];
  const unmet: string[] = [];
  const figure = claim.figure as string;
  if (!(DECISION_CLAIM_FIGURES as readonly string[]).includes(figure)) unmet.push(`expects.figure: one of ${DECISION_CLAIM_FIGURES.join(', ')}`);
  if (typeof claim.atLeast !== 'number' || !Number.isSafeInteger(claim.atLeast) || claim.atLeast < 0) unmet.push('expects.atLeast: a whole number, 0 or more');
  if (!isCalendarDate(claim.by as string)) unmet.push('expects.by: the day it is checked (YYYY-MM-DD)');
  if (figure === 'family_capacity' || figure === 'family_demand_actual') {
    if (typeof claim.family !== 'string' || !claim.family.trim()) unmet.push('expects.family: the product family');
    if (typeof claim.from !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(claim.from)) unmet.push('expects.from: the month (YYYY-MM)');
  }
  if (figure === 'initiative_stage') {
    if (typeof claim.initiativeId !== 'string' || !claim.initiativeId.trim()) unmet.push('expects.initiativeId: the initiative');
    if (typeof claim.atLeast === 'number' && claim.atLeast > 5) unmet.push('expects.atLeast: a DoI stage, 0 to 5');
  }
  return unmet;
}

/** Whether the claim held, from the figure read on its date. */
export function checkClaim(claim: DecisionClaim, reading: ClaimReading, now: number): DecisionCheck {
  return { met: reading.actual >= claim.atLeast, expected: claim.atLeast, actual: reading.actual, checkedAt: new Date(now).toISOString() };
}

/** The moment a claim is checked: the start of its day, UTC. */
export function claimDueAt(claim: Pick<DecisionClaim, 'by'>): number {
  return Date.parse(`${claim.by}T00:00:00Z`);
}

/** The share of checked decisions that met their claim; null while none is checked. */
export function shareMet(checks: readonly Pick<DecisionCheck, 'met'>[]): number | null {
  return checks.length ? Math.round((checks.filter((check) => check.met).length / checks.length) * 10_000) / 10_000 : null;
}
