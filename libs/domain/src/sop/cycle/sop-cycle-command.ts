import type { Actor } from '../../initiative/actor';
import type { DecisionClaim } from '../decision-claim';
import type { RaisedSopException, SopPivotProposal } from './sop-cycle-state';

/**
 * What may be asked of a cycle: people's commands, and the engine's own
 * (what an activity computed, a deadline's timer firing, a decision carried
 * out or refused by the plans service).
 */
export type SopCycleCommand =
  | { type: 'complete-step'; actor: Actor; step: string; note: string | null }
  | { type: 'submit-mitigation'; actor: Actor; exceptionId: string; action: string; ownerId: string; dueDate: string }
  | { type: 'record-decision'; actor: Actor; kind: string; subject: string | null; rationale: string; action?: SopActionRequest | null; expects?: DecisionClaim | null }
  | { type: 'raise-exceptions'; exceptions: readonly RaisedSopException[] }
  | { type: 'propose-pivots'; proposals: readonly SopPivotProposal[] }
  | { type: 'settle-decision'; decisionId: string; outcome: string[] | null }
  /** A timer fired: what is late is escalated and, when `remind` (cycles begun before reminders have none), a step coming due is reminded. */
  | { type: 'pass-deadlines'; remind?: boolean };

/**
 * The action a decision asks for: a resolution names all of it; accepting a
 * mitigation takes the mitigation's action, owner and date, and may say its
 * expected effect and what counts as done.
 */
export interface SopActionRequest {
  title?: string;
  ownerId?: string;
  dueDate?: string;
  expectedEffect?: string;
  doneWhen?: string;
}

/** The time and fresh ids a decision may use: the workflow's, so that it replays. */
export interface SopDecisionContext {
  now: number;
  newId: () => string;
}
