import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LifecycleChange } from './initiative-projection';
import type {
  Actor,
  ConfirmationRejection,
  GateDecisionCommand,
  GateRequestCommand,
  LifecycleState,
  MilestoneCompletionCommand,
  MilestoneReplanCommand,
  SideMoveCommand,
  ForecastFeed,
  MeasureForecast,
  PlanRevision,
  PortfolioMove,
  RuleViolation,
  ValueConfirmation,
} from '@tollgate/domain';

export type { GateDecisionCommand, GateRequestCommand, MilestoneCompletionCommand, MilestoneReplanCommand, SideMoveCommand } from '@tollgate/domain';

/** What starts an initiative's lifecycle workflow, and what it continues as new with. */
export interface LifecycleInput {
  state: LifecycleState;
  /** Continue as new once the history holds this many events (the server may suggest it earlier). */
  historyLimit?: number;
}

/**
 * Every update answers once its change is in the workflow's history: the
 * state after it, and every change not yet known to be projected, in
 * revision order, for the service to project at once (the workflow projects
 * them too, a little later, should the service not). For `created`, the
 * projection is current by then.
 */
export interface LifecycleOutcome {
  state: LifecycleState;
  /** The gate request the update created or decided, when it concerns one. */
  gateRequestId?: string;
  /** Absent from runs recorded before the service projected its own answers. */
  changes?: LifecycleChange[];
}

/**
 * What the service sending a command has itself written of the initiative:
 * every change up to `projectedRevision` is in its tables, with its audit
 * entry and its events. The workflow then neither answers those changes
 * again nor projects them itself, so that an answer carries only what is new
 * and a burst of commands needs no projection activity but for its last.
 */
export interface ProjectionAcknowledgement {
  projectedRevision: number;
}

/** A command's arguments: the command, and what the sender has projected already (absent when it knows of nothing). */
type Commanded<Command> = [Command, ProjectionAcknowledgement?];

/** Signals, updates and the query of `initiativeLifecycle`, shared by the workflow and its callers. */
export const LIFECYCLE = {
  /** Answers once the new initiative is projected: the update of an update-with-start. */
  created: defineUpdate<LifecycleOutcome, []>('created'),
  requestGate: defineUpdate<LifecycleOutcome, Commanded<GateRequestCommand>>('requestGate'),
  decideGate: defineUpdate<LifecycleOutcome, Commanded<GateDecisionCommand>>('decideGate'),
  completeMilestone: defineUpdate<LifecycleOutcome, Commanded<MilestoneCompletionCommand>>('completeMilestone'),
  replanMilestone: defineUpdate<LifecycleOutcome, Commanded<MilestoneReplanCommand>>('replanMilestone'),
  requestClosure: defineUpdate<LifecycleOutcome, Commanded<{ actor: Actor }>>('requestClosure'),
  moveAside: defineUpdate<LifecycleOutcome, Commanded<SideMoveCommand>>('moveAside'),
  updateForecast: defineUpdate<LifecycleOutcome, Commanded<{ actor: Actor; forecasts: MeasureForecast[]; feed?: ForecastFeed }>>('updateForecast'),
  revisePlan: defineUpdate<LifecycleOutcome, Commanded<{ actor: Actor; revision: PlanRevision }>>('revisePlan'),
  /** Finance: a controller confirmed realized value. */
  valueConfirmed: defineSignal<[ValueConfirmation]>('valueConfirmed'),
  /** Finance: a controller refused to confirm; a pending closure request ends with the reason. */
  confirmationRejected: defineSignal<[ConfirmationRejection]>('confirmationRejected'),
  /** Plans: the executive S&OP approved a pivot that holds or resumes this initiative. */
  portfolioMove: defineSignal<[PortfolioMove]>('portfolioMove'),
  state: defineQuery<LifecycleState>('state'),
} as const;

/**
 * The failure type of a refused update. Its first detail is the
 * {@link RuleViolation}: callers answer 403, 404, 409 or 422 from its kind.
 */
export const LIFECYCLE_REFUSAL = 'LifecycleRefusal';

export type LifecycleRefusal = RuleViolation;
