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

/** Signals, updates and the query of `initiativeLifecycle`, shared by the workflow and its callers. */
export const LIFECYCLE = {
  /** Answers once the new initiative is projected: the update of an update-with-start. */
  created: defineUpdate<LifecycleOutcome, []>('created'),
  requestGate: defineUpdate<LifecycleOutcome, [GateRequestCommand]>('requestGate'),
  decideGate: defineUpdate<LifecycleOutcome, [GateDecisionCommand]>('decideGate'),
  completeMilestone: defineUpdate<LifecycleOutcome, [MilestoneCompletionCommand]>('completeMilestone'),
  replanMilestone: defineUpdate<LifecycleOutcome, [MilestoneReplanCommand]>('replanMilestone'),
  requestClosure: defineUpdate<LifecycleOutcome, [{ actor: Actor }]>('requestClosure'),
  moveAside: defineUpdate<LifecycleOutcome, [SideMoveCommand]>('moveAside'),
  updateForecast: defineUpdate<LifecycleOutcome, [{ actor: Actor; forecasts: MeasureForecast[]; feed?: ForecastFeed }]>('updateForecast'),
  revisePlan: defineUpdate<LifecycleOutcome, [{ actor: Actor; revision: PlanRevision }]>('revisePlan'),
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
