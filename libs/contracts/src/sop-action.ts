import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Evidence, SopActionState } from '@tollgate/domain';

/** The failure type of a refused action update; its first detail is the RuleViolation. */
export const SOP_ACTION_REFUSAL = 'SopActionRefusal';

/** The business key of an action's workflow. */
export function sopActionWorkflowId(actionId: string): string {
  return `sop-action-${actionId}`;
}

/** What starts an action's workflow: the action as its decision opened it. */
export interface SopActionInput {
  state: SopActionState;
}

/** A change the projection announces as a `plans.action-*` event besides rewriting the action's row. */
export type SopActionChange = { type: 'opened' } | { type: 'reminded' } | { type: 'overdue' } | { type: 'done' } | { type: 'dropped' };

/** The activity of the plans service that the action calls, on the `plans` task queue. */
export interface SopActionActivities {
  /** Rewrites the action's row (newest version wins) and writes the changes' events in the same transaction. */
  projectSopAction(input: { state: SopActionState; changes: SopActionChange[] }): Promise<void>;
}

export interface SopActionCompletion {
  actor: Actor;
  evidence: Evidence;
}

export interface SopActionDrop {
  actor: Actor;
  reason: string;
}

/** Updates and the query of `sopAction`; every update answers the state once its change is projected. */
export const SOP_ACTION = {
  complete: defineUpdate<SopActionState, [SopActionCompletion]>('complete'),
  drop: defineUpdate<SopActionState, [SopActionDrop]>('drop'),
  state: defineQuery<SopActionState>('state'),
} as const;
