import { LIFECYCLE_ACTOR, type GateRequestCommand, type LifecycleAction, type LifecycleEvent, type SideMoveCommand } from '@tollgate/contracts';
import {
  currentEscalation,
  deriveStatus,
  escalationSteps,
  freezeBaseline,
  isFullyApproved,
  isValueConfirmed,
  totalForecast,
  totalPlanned,
  type Actor,
  type ConfirmationRejection,
  type Evidence,
  type GateKey,
  type GateRequest,
  type LifecycleState,
  type MeasureForecast,
  type PlanRevision,
  type Stage,
  type ValueConfirmation,
} from '@tollgate/domain';

// State changes of the lifecycle. They mutate the workflow's state in place
// and describe each change for the audit trail and the events; the workflow
// decides when they run, the domain whether they may.

/** A change before it is numbered. */
export interface ChangeDraft {
  action: LifecycleAction;
  actorId: string;
  reason: string | null;
  evidence: Evidence | null;
  details: Record<string, unknown>;
  events: LifecycleEvent[];
}

/** Decided gate requests kept in the workflow's state; the projection keeps them all. */
const KEPT_GATE_REQUESTS = 20;

function change(action: LifecycleAction, actorId: string, extra: Partial<ChangeDraft> = {}): ChangeDraft {
  return { action, actorId, reason: null, evidence: null, details: {}, events: [], ...extra };
}

const subject = (state: LifecycleState) => ({ initiativeId: state.initiativeId, programId: state.programId });

function measureValues(state: LifecycleState) {
  return state.measures.map((measure) => ({
    measureId: measure.id,
    name: measure.name,
    category: measure.category,
    plannedValues: measure.plannedValues,
    forecastValues: measure.forecastValues,
  }));
}

export function pendingRequest(state: LifecycleState): GateRequest | undefined {
  return state.gateRequests.find((request) => request.state === 'pending');
}

function withdrawPending(state: LifecycleState, at: string): void {
  const pending = pendingRequest(state);
  if (pending) {
    pending.state = 'withdrawn';
    pending.decidedAt = at;
  }
}

function trimGateRequests(state: LifecycleState): void {
  const excess = state.gateRequests.length - KEPT_GATE_REQUESTS;
  if (excess > 0) state.gateRequests.splice(0, excess);
}

/**
 * Escalation and status follow from the facts; a status that moved is
 * announced with the change that moved it.
 */
export function refreshStatus(state: LifecycleState, reason: string | null): LifecycleEvent[] {
  state.escalation = currentEscalation(state.milestones, state.escalationLevels);
  const status = deriveStatus({
    stage: state.stage,
    cancelled: state.cancellation !== null,
    onHold: state.hold !== null,
    escalationLevel: state.escalation?.level ?? 0,
  });
  const fromStatus = state.status;
  state.status = status;
  state.onHold = state.hold !== null;
  state.cancelled = state.cancellation !== null;
  return status === fromStatus ? [] : [{ type: 'initiative.status-changed', data: { ...subject(state), fromStatus, status, reason } }];
}

export function createdChange(state: LifecycleState): ChangeDraft {
  return change('created', state.createdBy, {
    details: { code: state.code },
    events: [
      {
        type: 'initiative.created',
        data: {
          ...subject(state),
          code: state.code,
          title: state.title,
          ownerId: state.ownerId,
          sponsorId: state.sponsorId,
          controllerId: state.controllerId,
          category: state.category,
          currency: state.currency,
          stage: state.stage,
          status: state.status,
          plannedValue: totalPlanned(state.measures) || state.roughValue,
          measures: measureValues(state),
        },
      },
    ],
  });
}

export function submitGateRequest(state: LifecycleState, command: GateRequestCommand, id: string, at: string): ChangeDraft {
  state.gateRequests.push({
    id,
    targetStage: command.targetStage as Stage,
    evidence: command.evidence,
    submittedBy: command.actor.id,
    submittedAt: at,
    state: 'pending',
    approvals: [],
    rejection: null,
    decidedAt: null,
  });
  trimGateRequests(state);
  return change('gate_requested', command.actor.id, { evidence: command.evidence, details: { gateRequestId: id, targetStage: command.targetStage } });
}

function enterStage(state: LifecycleState, toStage: Stage, at: string): void {
  state.stage = toStage;
  if (toStage === 3 && state.baselineFrozenAt === null) {
    state.measures = freezeBaseline(state.measures);
    state.baselineFrozenAt = at;
  }
  if (toStage < 3) state.baselineFrozenAt = null;
}

function stageChanged(
  state: LifecycleState,
  fromStage: Stage,
  cause: 'gate' | 'rollback' | 'closure',
  detail: { gateRequestId: string | null; decidedBy: string[]; comment: string | null },
): LifecycleEvent {
  return {
    type: 'initiative.stage-changed',
    data: {
      ...subject(state),
      fromStage,
      toStage: state.stage,
      cause,
      ...detail,
      status: state.status,
      currency: state.currency,
      plannedValue: totalPlanned(state.measures),
      forecastValue: totalForecast(state.measures),
      baselineFrozen: state.baselineFrozenAt !== null,
      measures: measureValues(state),
    },
  };
}

export function decideGateRequest(
  state: LifecycleState,
  request: GateRequest,
  decision: { actor: Actor; approve: boolean; comment: string; slot: number; key: GateKey },
  at: string,
): ChangeDraft[] {
  const details = { gateRequestId: request.id, targetStage: request.targetStage, key: decision.key };
  if (!decision.approve) {
    request.state = 'rejected';
    request.rejection = { by: decision.actor.id, at, reason: decision.comment };
    request.decidedAt = at;
    const event: LifecycleEvent = {
      type: 'initiative.gate-rejected',
      data: { ...subject(state), gateRequestId: request.id, targetStage: request.targetStage, rejectedBy: decision.actor.id, reason: decision.comment },
    };
    return [change('gate_rejected', decision.actor.id, { reason: decision.comment, details, events: [event] })];
  }
  request.approvals.push({ slot: decision.slot, key: decision.key, by: decision.actor.id, at, comment: decision.comment });
  const approved = change('gate_approved', decision.actor.id, { reason: decision.comment || null, details });
  if (!isFullyApproved(request)) return [approved];
  request.state = 'approved';
  request.decidedAt = at;
  const fromStage = state.stage;
  enterStage(state, request.targetStage, at);
  const events = refreshStatus(state, null);
  const decidedBy = request.approvals.map((approval) => approval.by);
  events.unshift(stageChanged(state, fromStage, 'gate', { gateRequestId: request.id, decidedBy, comment: decision.comment || null }));
  return [approved, change('stage_changed', decision.actor.id, { details: { fromStage, toStage: state.stage, gateRequestId: request.id }, events })];
}

export function completeMilestone(state: LifecycleState, milestoneId: string, actor: Actor, evidence: Evidence, now: number): ChangeDraft {
  const milestone = state.milestones.find((candidate) => candidate.id === milestoneId)!;
  const at = new Date(now).toISOString();
  milestone.completedAt = at;
  milestone.completedBy = actor.id;
  milestone.evidence = evidence;
  const late = (state.escalationLevels[milestoneId] ?? 0) > 0;
  delete state.escalationLevels[milestoneId];
  const events: LifecycleEvent[] = [
    {
      type: 'initiative.milestone-completed',
      data: { ...subject(state), milestoneId, title: milestone.title, dueDate: milestone.dueDate, completedBy: actor.id, completedAt: at, late, evidence },
    },
    ...refreshStatus(state, `milestone '${milestone.title}' completed`),
  ];
  return change('milestone_completed', actor.id, { evidence, details: { milestoneId, late }, events });
}

export function replanMilestone(state: LifecycleState, milestoneId: string, actor: Actor, dueDate: string, reason: string): ChangeDraft {
  const milestone = state.milestones.find((candidate) => candidate.id === milestoneId)!;
  const previousDueDate = milestone.dueDate;
  milestone.dueDate = dueDate;
  delete state.escalationLevels[milestoneId];
  const events: LifecycleEvent[] = [
    {
      type: 'initiative.milestone-replanned',
      data: { ...subject(state), milestoneId, title: milestone.title, previousDueDate, dueDate, approvedBy: actor.id, reason },
    },
    ...refreshStatus(state, `milestone '${milestone.title}' re-planned`),
  ];
  return change('milestone_replanned', actor.id, { reason, details: { milestoneId, previousDueDate, dueDate }, events });
}

/** The rungs of the ladder reached by `now`, each announced once. */
export function climbEscalationLadder(state: LifecycleState, now: number): ChangeDraft[] {
  const steps = escalationSteps(state.milestones, state.escalationLevels, now, state.policy);
  return steps.map((step) => {
    const milestone = state.milestones.find((candidate) => candidate.id === step.milestoneId)!;
    state.escalationLevels[step.milestoneId] = step.level;
    const statusEvents = refreshStatus(state, `milestone '${milestone.title}' is late`);
    const late = { ...subject(state), milestoneId: milestone.id, title: milestone.title, dueDate: milestone.dueDate };
    const notify = step.audience === 'owner' ? state.ownerId : step.audience === 'sponsor' ? state.sponsorId : null;
    const events: LifecycleEvent[] =
      step.level === 1
        ? [{ type: 'initiative.milestone-missed', data: { ...late, ownerId: state.ownerId } }]
        : [{ type: 'initiative.escalated', data: { ...late, level: step.level, audience: step.audience, notify, status: state.status } }];
    return change('milestone_escalated', LIFECYCLE_ACTOR, {
      details: { milestoneId: milestone.id, level: step.level, audience: step.audience },
      events: [...events, ...statusEvents],
    });
  });
}

export function moveAside(state: LifecycleState, command: SideMoveCommand, at: string): ChangeDraft {
  const { actor, move, reason } = command;
  const events: LifecycleEvent[] = [];
  switch (move) {
    case 'hold':
      state.hold = { since: at, by: actor.id, reason };
      break;
    case 'resume':
      state.hold = null;
      break;
    case 'cancel':
      state.cancellation = { at, by: actor.id, reason };
      withdrawPending(state, at);
      if (state.closure.state === 'pending_confirmation') state.closure.state = 'none';
      break;
    case 'rollback': {
      const fromStage = state.stage;
      withdrawPending(state, at);
      enterStage(state, (fromStage - 1) as Stage, at);
      if (state.closure.state !== 'none') state.closure = { state: 'none', requestedBy: null, requestedAt: null, reason: null, closedAt: null };
      const statusEvents = refreshStatus(state, reason);
      events.push(stageChanged(state, fromStage, 'rollback', { gateRequestId: null, decidedBy: [actor.id], comment: reason }), ...statusEvents);
      break;
    }
  }
  events.push(...refreshStatus(state, reason));
  const action = ({ hold: 'held', resume: 'resumed', cancel: 'cancelled', rollback: 'rolled_back' } as const)[move];
  return change(action, actor.id, { reason, details: { stage: state.stage }, events });
}

export function updateForecast(state: LifecycleState, actor: Actor, forecasts: readonly MeasureForecast[]): ChangeDraft {
  for (const forecast of forecasts) {
    state.measures.find((measure) => measure.id === forecast.measureId)!.forecastValues = forecast.forecastValues;
  }
  const event: LifecycleEvent = {
    type: 'initiative.forecast-updated',
    data: {
      ...subject(state),
      currency: state.currency,
      forecastValue: totalForecast(state.measures),
      measures: state.measures.map((measure) => ({ measureId: measure.id, forecastValues: measure.forecastValues })),
    },
  };
  return change('forecast_updated', actor.id, { details: { measureIds: forecasts.map((forecast) => forecast.measureId) }, events: [event] });
}

/** Measures and milestones keep their ids (and forecast or completion) where the name or title stays the same. */
export function revisePlan(state: LifecycleState, actor: Actor, revision: PlanRevision, newId: () => string): ChangeDraft {
  if (revision.controllerId !== undefined) state.controllerId = revision.controllerId;
  if (revision.measures) {
    state.measures = revision.measures.map((measure) => {
      const kept = state.measures.find((candidate) => candidate.name.trim().toLowerCase() === measure.name.trim().toLowerCase());
      return { id: kept?.id ?? newId(), name: measure.name, category: measure.category, plannedValues: measure.plannedValues, forecastValues: kept?.forecastValues ?? [] };
    });
  }
  if (revision.oneTimeCosts) state.oneTimeCosts = revision.oneTimeCosts;
  if (revision.milestones) {
    state.milestones = revision.milestones.map((milestone) => {
      const kept = state.milestones.find((candidate) => candidate.title.trim().toLowerCase() === milestone.title.trim().toLowerCase());
      return kept ? { ...kept, dueDate: milestone.dueDate } : { id: newId(), title: milestone.title, dueDate: milestone.dueDate, completedAt: null, completedBy: null, evidence: null };
    });
    for (const id of Object.keys(state.escalationLevels)) {
      if (!state.milestones.some((milestone) => milestone.id === id && milestone.completedAt === null)) delete state.escalationLevels[id];
    }
  }
  const event: LifecycleEvent = {
    type: 'initiative.plan-revised',
    data: { ...subject(state), controllerId: state.controllerId, currency: state.currency, plannedValue: totalPlanned(state.measures), measures: measureValues(state) },
  };
  return change('plan_revised', actor.id, { details: { parts: Object.keys(revision) }, events: [event, ...refreshStatus(state, 'plan revised')] });
}

export function requestClosure(state: LifecycleState, actor: Actor, at: string): ChangeDraft {
  state.closure = { state: 'pending_confirmation', requestedBy: actor.id, requestedAt: at, reason: null, closedAt: null };
  return change('closure_requested', actor.id, {
    events: [{ type: 'initiative.closure-requested', data: { ...subject(state), requestedBy: actor.id, closure: 'pending_confirmation' } }],
  });
}

/** Stage 5 is set here alone: a pending closure request, value confirmed by finance, and not on hold. */
export function closeIfConfirmed(state: LifecycleState, at: string): ChangeDraft[] {
  if (state.closure.state !== 'pending_confirmation' || !isValueConfirmed(state.confirmations) || state.hold !== null) return [];
  const fromStage = state.stage;
  state.stage = 5;
  state.closure = { ...state.closure, state: 'closed', reason: null, closedAt: at };
  state.escalationLevels = {};
  const statusEvents = refreshStatus(state, 'closed on confirmed value');
  const confirmedValue = state.confirmations.reduce((sum, confirmation) => sum + confirmation.amount, 0);
  const events: LifecycleEvent[] = [
    stageChanged(state, fromStage, 'closure', { gateRequestId: null, decidedBy: [], comment: null }),
    {
      type: 'initiative.closed',
      data: { ...subject(state), currency: state.currency, plannedValue: totalPlanned(state.measures), confirmedValue, closedAt: at },
    },
    ...statusEvents,
  ];
  return [change('closed', LIFECYCLE_ACTOR, { details: { confirmedValue }, events })];
}

export function recordConfirmation(state: LifecycleState, confirmation: ValueConfirmation): ChangeDraft {
  state.confirmations.push(confirmation);
  return change('value_confirmed', confirmation.controllerId, {
    reason: confirmation.reference || null,
    details: { confirmationId: confirmation.confirmationId, period: confirmation.period, amount: confirmation.amount, currency: confirmation.currency },
  });
}

export function rejectClosure(state: LifecycleState, rejection: ConfirmationRejection): ChangeDraft {
  state.rejectedConfirmationIds.push(rejection.confirmationId);
  state.closure = { ...state.closure, state: 'rejected', reason: rejection.reason };
  return change('closure_rejected', rejection.controllerId, {
    reason: rejection.reason,
    details: { confirmationId: rejection.confirmationId },
    events: [
      {
        type: 'initiative.closure-rejected',
        data: { ...subject(state), rejectedBy: rejection.controllerId, confirmationId: rejection.confirmationId, reason: rejection.reason },
      },
    ],
  });
}
