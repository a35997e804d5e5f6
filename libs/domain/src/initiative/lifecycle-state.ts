import type { ClosureState, ValueConfirmation } from './closure';
import type { EscalationAudience, EscalationLevel, EscalationPolicy } from './escalation';
import type { GateRequest } from './gate-request';
import type { InitiativeFacts } from './initiative-facts';
import type { InitiativeStatus } from './initiative-status';
import { roughValueOf, type InitiativeDraft } from './initiative-draft';

/** The escalation people see: the highest rung an open milestone stands on. */
export interface EscalationView {
  milestoneId: string;
  level: 1 | 2 | 3;
  audience: EscalationAudience;
}

/**
 * Everything an initiative's lifecycle knows: what its workflow keeps, what
 * the `state` query answers, and what the service projects into its tables.
 * It stays small (no audit trail: every change leaves the workflow as an
 * audit entry), so that continuing as new carries it whole.
 */
export interface LifecycleState extends InitiativeFacts {
  initiativeId: string;
  code: string;
  roughValue: number;
  createdBy: string;
  createdAt: string;
  status: InitiativeStatus;
  gateRequests: GateRequest[];
  closure: {
    state: ClosureState;
    requestedBy: string | null;
    requestedAt: string | null;
    reason: string | null;
    closedAt: string | null;
  };
  confirmations: ValueConfirmation[];
  /** Rejections already applied, so that a repeated signal changes nothing. */
  rejectedConfirmationIds: string[];
  baselineFrozenAt: string | null;
  /** The rung each milestone's escalation has announced. */
  escalationLevels: Record<string, EscalationLevel>;
  escalation: EscalationView | null;
  hold: { since: string; by: string; reason: string } | null;
  cancellation: { at: string; by: string; reason: string } | null;
  policy: EscalationPolicy;
  /** S&OP decisions already applied, so that a repeated signal changes nothing (absent in states from before pivots). */
  portfolioDecisionIds?: string[];
  /** Counts changes; the projection applies each revision once, in order. */
  revision: number;
}

/** The state an initiative's lifecycle starts from: stage 0, on track, nothing decided. */
export function initialLifecycleState(
  draft: InitiativeDraft,
  identity: { initiativeId: string; code: string; createdBy: string; createdAt: string },
  policy: EscalationPolicy,
  newId: () => string,
): LifecycleState {
  return {
    ...identity,
    title: draft.title.trim(),
    programId: draft.programId,
    ownerId: draft.ownerId,
    sponsorId: draft.sponsorId,
    controllerId: draft.controllerId,
    category: draft.category,
    currency: draft.currency,
    roughValue: roughValueOf(draft),
    stage: 0,
    status: 'on_track',
    onHold: false,
    cancelled: false,
    measures: draft.measures.map((measure) => ({ id: newId(), ...measure, forecastValues: [] })),
    oneTimeCosts: draft.oneTimeCosts,
    milestones: draft.milestones.map((milestone) => ({
      id: newId(),
      ...milestone,
      completedAt: null,
      completedBy: null,
      evidence: null,
    })),
    gateRequests: [],
    closure: { state: 'none', requestedBy: null, requestedAt: null, reason: null, closedAt: null },
    confirmations: [],
    rejectedConfirmationIds: [],
    baselineFrozenAt: null,
    escalationLevels: {},
    escalation: null,
    hold: null,
    cancellation: null,
    policy,
    revision: 0,
  };
}
