import type { Actor } from '../actor';
import type { ConfirmationRejection, ValueConfirmation } from '../closure';
import type { Evidence } from '../evidence';
import type { ForecastFeed, MeasureForecast } from '../forecast';
import type { GateContext } from '../gate-criteria';
import type { PlanRevision } from '../plan-revision';
import type { PortfolioMove, SideMove } from '../side-moves';

export interface GateRequestCommand {
  actor: Actor;
  targetStage: number;
  evidence: Evidence;
  context: GateContext;
}

export interface GateDecisionCommand {
  actor: Actor;
  requestId: string;
  approve: boolean;
  comment: string;
}

export interface MilestoneCompletionCommand {
  actor: Actor;
  milestoneId: string;
  evidence: Evidence;
}

export interface MilestoneReplanCommand {
  actor: Actor;
  milestoneId: string;
  dueDate: string;
  reason: string;
}

export interface SideMoveCommand {
  actor: Actor;
  move: SideMove;
  reason: string;
}

/**
 * Everything that may change an initiative's lifecycle: what people ask
 * through the API, what finance and the S&OP signal, and the clock that
 * climbs the escalation ladder.
 */
export type LifecycleCommand =
  | ({ type: 'request-gate' } & GateRequestCommand)
  | ({ type: 'decide-gate' } & GateDecisionCommand)
  | ({ type: 'complete-milestone' } & MilestoneCompletionCommand)
  | ({ type: 'replan-milestone' } & MilestoneReplanCommand)
  | ({ type: 'move-aside' } & SideMoveCommand)
  | { type: 'update-forecast'; actor: Actor; forecasts: MeasureForecast[]; feed?: ForecastFeed }
  | { type: 'revise-plan'; actor: Actor; revision: PlanRevision }
  | { type: 'request-closure'; actor: Actor }
  | { type: 'confirm-value'; confirmation: ValueConfirmation }
  | { type: 'reject-closure'; rejection: ConfirmationRejection }
  | { type: 'portfolio-move'; move: PortfolioMove }
  | { type: 'escalate' };

/** What a decision may read besides the state: the time, and fresh ids (both deterministic in a workflow). */
export interface DecisionContext {
  now: number;
  newId: () => string;
}
