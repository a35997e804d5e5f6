import type { Evidence, LifecycleState } from '@tollgate/domain';
import type { EventData } from './event-map';
import type { InitiativeEventType } from './initiative-events';

/** What a change was, in the audit trail's words. */
export type LifecycleAction =
  | 'created'
  | 'gate_requested'
  | 'gate_approved'
  | 'gate_rejected'
  | 'stage_changed'
  | 'milestone_completed'
  | 'milestone_replanned'
  | 'milestone_escalated'
  | 'forecast_updated'
  | 'plan_revised'
  | 'held'
  | 'resumed'
  | 'cancelled'
  | 'rolled_back'
  | 'closure_requested'
  | 'value_confirmed'
  | 'closure_rejected'
  | 'closed';

/** An event the change announces, by type; the service wraps it in an envelope. */
export type LifecycleEvent = { [T in InitiativeEventType]: { type: T; data: EventData<T> } }[InitiativeEventType];

/** One change of an initiative's lifecycle: who, when, why, with what evidence, and what it announces. */
export interface LifecycleChange {
  revision: number;
  action: LifecycleAction;
  /** The person, or `tollgate-lifecycle` for what the workflow does by itself (timers, closure). */
  actorId: string;
  at: string;
  reason: string | null;
  evidence: Evidence | null;
  details: Record<string, unknown>;
  events: LifecycleEvent[];
}

/** The actor id of changes the workflow makes by itself. */
export const LIFECYCLE_ACTOR = 'tollgate-lifecycle';

/**
 * What became of a projection: written, already written (a retry), or
 * refused for good by the database, in which case it is recorded as a
 * projection failure with the reason (shown in the Temporal UI as the
 * activity's result) and the lifecycle goes on.
 */
export type ProjectionOutcome = { outcome: 'projected' | 'already_projected' } | { outcome: 'refused'; reason: string };

/** The activities of the initiatives service, on its own task queue. */
export interface InitiativeProjectionActivities {
  /**
   * Writes the state, the audit entry and the events of one change in one
   * transaction. Idempotent: a revision already projected changes nothing.
   */
  projectLifecycleChange(input: { state: LifecycleState; changes: LifecycleChange[] }): Promise<ProjectionOutcome>;
}
