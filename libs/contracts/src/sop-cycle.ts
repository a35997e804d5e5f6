import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecisionCheckInput } from './decision-check';
import type { Actor, DecisionClaim, RaisedSopException, SopActionRequest, SopActionState, SopCyclePlan, SopCycleState, SopDecision, SopEscalation, SopPivotProposal } from '@tollgate/domain';

/** The failure type of a refused cycle update; its first detail is the RuleViolation. */
export const SOP_CYCLE_REFUSAL = 'SopCycleRefusal';

/** The failure type of an activity that refuses to carry out a decision (e.g. an unknown scenario). */
export const SOP_DECISION_REFUSED = 'SopDecisionRefused';

/** The failure type of preparing a cycle for an unknown node or one without an S&OP setup: nothing to retry. */
export const SOP_CYCLE_UNPREPARED = 'SopCycleUnprepared';

/** The business key of a node's S&OP cycle for one period. */
export function sopCycleWorkflowId(orgNodeId: string, period: string): string {
  return `sop-cycle-${orgNodeId}-${period}`;
}

/** The id of the Temporal Schedule that starts a node's cycle every month. */
export function sopScheduleId(orgNodeId: string): string {
  return `sop-cycle-schedule-${orgNodeId}`;
}

/** What starts a cycle, on demand or from the monthly schedule. */
export interface SopCycleInput {
  orgNodeId: string;
  period: string;
  startedBy: string;
}

/** What the monthly schedule starts: it names the period from its own start time. */
export interface MonthlySopCycleInput {
  orgNodeId: string;
}

/** A change the projection announces as a `plans.*` event besides rewriting the cycle's row. */
export type SopCycleChange =
  | { type: 'cycle-started' }
  | { type: 'step-completed'; step: string }
  | { type: 'exceptions-raised' }
  | { type: 'mitigation-submitted'; exceptionId: string }
  | { type: 'escalated'; escalations: SopEscalation[] }
  /** The current step's owner is reminded that it is coming due. */
  | { type: 'step-reminded'; step: string }
  | { type: 'decision-recorded'; decisionId: string };

/** The activities of the plans service that the cycle calls, on the `plans` task queue. */
export interface SopCycleActivities {
  /** The node's owners and deadlines for the cycle; refuses (non-retryable) an unknown node. */
  prepareSopCycle(input: { orgNodeId: string; period: string }): Promise<SopCyclePlan>;
  /** Computes the period's exceptions under the node, stores them and announces each (`plans.exception-raised`). Idempotent per cycle. */
  raiseSopExceptions(input: { cycleId: string; orgNodeId: string; period: string }): Promise<RaisedSopException[]>;
  /** Ranks the initiatives of each program under the node against its capacity. */
  proposeSopPivots(input: { orgNodeId: string }): Promise<SopPivotProposal[]>;
  /** Rewrites the cycle's row (newest version wins) and writes the changes' events in the same transaction. */
  projectSopCycle(input: { state: SopCycleState; changes: SopCycleChange[] }): Promise<void>;
  /** Carries out a decision: a pivot's holds and resumes as lifecycle signals, a scenario promoted to plan of record. */
  applySopDecision(input: { cycleId: string; orgNodeId: string; decision: SopDecision; moves: { initiativeId: string; move: 'hold' | 'resume' }[] }): Promise<string[]>;
  /** Starts the workflow of each action a decision asks for (`sopAction`, id `sop-action-<actionId>`); one already started is left as it is. */
  openSopActions(input: { actions: SopActionState[] }): Promise<void>;
  /** Starts the workflow that checks a decision's expected effect on its day (`decisionCheck`, id `decision-check-<decisionId>`); one already started is left as it is. */
  followDecisionClaim(input: DecisionCheckInput): Promise<void>;
}

export interface SopStepCommand {
  actor: Actor;
  step: string;
  note: string | null;
}

export interface SopMitigationCommand {
  actor: Actor;
  exceptionId: string;
  action: string;
  ownerId: string;
  dueDate: string;
}

export interface SopDecisionCommand {
  actor: Actor;
  kind: string;
  subject: string | null;
  rationale: string;
  /** What the decision asks for: followed as an action until done or dropped. */
  action?: SopActionRequest | null;
  /** The figure it expects by a date: checked by the engine on that day. */
  expects?: DecisionClaim | null;
}

/** Updates and the query of `sopCycle`; every update answers the state once its change is projected. */
export const SOP_CYCLE = {
  /** Answers once the cycle is prepared and announced: the update of an update-with-start. */
  started: defineUpdate<SopCycleState, []>('started'),
  completeStep: defineUpdate<SopCycleState, [SopStepCommand]>('completeStep'),
  submitMitigation: defineUpdate<SopCycleState, [SopMitigationCommand]>('submitMitigation'),
  recordDecision: defineUpdate<{ state: SopCycleState; decision: SopDecision }, [SopDecisionCommand]>('recordDecision'),
  state: defineQuery<SopCycleState>('state'),
} as const;
