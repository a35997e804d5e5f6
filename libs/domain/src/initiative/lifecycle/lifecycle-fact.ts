import type { Stage } from '../../stage';
import type { ConfirmationRejection, ValueConfirmation } from '../closure';
import type { EscalationAudience } from '../escalation';
import type { Evidence } from '../evidence';
import type { MeasureForecast } from '../forecast';
import type { GateApproval, GateKey, GateRequest } from '../gate-request';
import type { PlanRevision } from '../plan-revision';

/**
 * What happened to an initiative, one fact per entry of its audit trail:
 * decided by {@link decide}, applied by {@link evolve}. A fact carries
 * everything its application needs (ids, times, the rung reached), so that
 * applying it reads nothing else and anyone replaying the facts arrives at
 * the same state.
 */
export type LifecycleFact =
  | { type: 'created'; by: string }
  | { type: 'gate-requested'; request: GateRequest }
  | { type: 'gate-approved'; requestId: string; targetStage: Stage; approval: GateApproval }
  | { type: 'gate-rejected'; requestId: string; targetStage: Stage; key: GateKey; by: string; at: string; reason: string }
  | { type: 'stage-entered'; fromStage: Stage; toStage: Stage; gateRequestId: string; decidedBy: string[]; comment: string | null; by: string; at: string }
  | { type: 'rolled-back'; fromStage: Stage; toStage: Stage; by: string; at: string; reason: string }
  | { type: 'milestone-completed'; milestoneId: string; by: string; at: string; evidence: Evidence; late: boolean }
  | { type: 'milestone-replanned'; milestoneId: string; previousDueDate: string; dueDate: string; by: string; reason: string }
  | { type: 'milestone-escalated'; milestoneId: string; level: 1 | 2 | 3; audience: EscalationAudience }
  | { type: 'held'; by: string; at: string; reason: string; decisionId?: string }
  | { type: 'resumed'; by: string; reason: string; decisionId?: string }
  | { type: 'cancelled'; by: string; at: string; reason: string }
  | { type: 'forecast-updated'; by: string; forecasts: MeasureForecast[] }
  /** `measureIds` and `milestoneIds` name each revised measure and milestone, in order, kept or new. */
  | { type: 'plan-revised'; by: string; revision: PlanRevision; measureIds: string[]; milestoneIds: string[] }
  | { type: 'closure-requested'; by: string; at: string }
  | { type: 'value-confirmed'; confirmation: ValueConfirmation }
  | { type: 'closure-rejected'; rejection: ConfirmationRejection }
  | { type: 'closed'; at: string; confirmedValue: number };

export type LifecycleFactType = LifecycleFact['type'];
