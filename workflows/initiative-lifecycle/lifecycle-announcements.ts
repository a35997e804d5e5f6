import { LIFECYCLE_ACTOR, type LifecycleAction, type LifecycleChange, type LifecycleEvent } from '@tollgate/contracts';
import { confirmedValueOf, gateSlots, missingKeySlots, plannedValueOf, totalForecast, totalPlanned, type LifecycleFact, type LifecycleState, type Milestone } from '@tollgate/domain';

// How each fact of the lifecycle is told: its entry in the audit trail and the
// `initiative.*` events it publishes. What a fact changes is the domain's
// `evolve`; this only describes the change, from the states before and after.

type Told = Omit<LifecycleChange, 'revision' | 'at' | 'events'> & { events: LifecycleEvent[]; statusReason: string | null };

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

const milestoneValues = (milestone: Milestone) => ({ milestoneId: milestone.id, title: milestone.title, dueDate: milestone.dueDate });

function told(action: LifecycleAction, actorId: string, extra: Partial<Told> = {}): Told {
  return { action, actorId, reason: null, evidence: null, details: {}, events: [], statusReason: null, ...extra };
}

function stageChanged(
  before: LifecycleState,
  after: LifecycleState,
  cause: 'gate' | 'rollback' | 'closure',
  detail: { gateRequestId: string | null; decidedBy: string[]; comment: string | null },
): LifecycleEvent {
  return {
    type: 'initiative.stage-changed',
    data: {
      ...subject(after),
      fromStage: before.stage,
      toStage: after.stage,
      cause,
      ...detail,
      status: after.status,
      closure: after.closure.state,
      currency: after.currency,
      plannedValue: totalPlanned(after.measures),
      forecastValue: totalForecast(after.measures),
      baselineFrozen: after.baselineFrozenAt !== null,
      measures: measureValues(after),
    },
  };
}

function tell(before: LifecycleState, fact: LifecycleFact, after: LifecycleState): Told {
  switch (fact.type) {
    case 'created':
      return told('created', fact.by, {
        details: { code: after.code },
        events: [
          {
            type: 'initiative.created',
            data: {
              ...subject(after),
              code: after.code,
              title: after.title,
              ownerId: after.ownerId,
              sponsorId: after.sponsorId,
              controllerId: after.controllerId,
              category: after.category,
              currency: after.currency,
              stage: after.stage,
              status: after.status,
              plannedValue: plannedValueOf(after),
              measures: measureValues(after),
              milestones: after.milestones.map(milestoneValues),
            },
          },
        ],
      });
    case 'gate-requested':
      return told('gate_requested', fact.request.submittedBy, {
        evidence: fact.request.evidence,
        details: { gateRequestId: fact.request.id, targetStage: fact.request.targetStage },
        events: [
          {
            type: 'initiative.gate-requested',
            data: {
              ...subject(after),
              gateRequestId: fact.request.id,
              targetStage: fact.request.targetStage,
              submittedBy: fact.request.submittedBy,
              submittedAt: fact.request.submittedAt,
              keys: gateSlots(fact.request.targetStage),
              sponsorId: after.sponsorId,
              controllerId: after.controllerId,
            },
          },
        ],
      });
    case 'gate-approved': {
      const request = after.gateRequests.find((candidate) => candidate.id === fact.requestId);
      const keysLeft = request ? missingKeySlots(request) : [];
      return told('gate_approved', fact.approval.by, {
        reason: fact.approval.comment || null,
        details: { gateRequestId: fact.requestId, targetStage: fact.targetStage, key: fact.approval.key },
        // Announced while the gate still waits, so that what waits for whom (the off-plan list, the calendars) shrinks.
        events: keysLeft.length
          ? [{ type: 'initiative.gate-key-given', data: { ...subject(after), gateRequestId: fact.requestId, targetStage: fact.targetStage, key: fact.approval.key, givenBy: fact.approval.by, keysLeft } }]
          : [],
      });
    }
    case 'gate-rejected':
      return told('gate_rejected', fact.by, {
        reason: fact.reason,
        details: { gateRequestId: fact.requestId, targetStage: fact.targetStage, key: fact.key },
        events: [
          {
            type: 'initiative.gate-rejected',
            data: { ...subject(after), gateRequestId: fact.requestId, targetStage: fact.targetStage, rejectedBy: fact.by, reason: fact.reason },
          },
        ],
      });
    case 'stage-entered':
      return told('stage_changed', fact.by, {
        details: { fromStage: fact.fromStage, toStage: fact.toStage, gateRequestId: fact.gateRequestId },
        events: [stageChanged(before, after, 'gate', { gateRequestId: fact.gateRequestId, decidedBy: fact.decidedBy, comment: fact.comment })],
      });
    case 'rolled-back':
      return told('rolled_back', fact.by, {
        reason: fact.reason,
        details: { stage: after.stage },
        events: [stageChanged(before, after, 'rollback', { gateRequestId: null, decidedBy: [fact.by], comment: fact.reason })],
        statusReason: fact.reason,
      });
    case 'milestone-completed': {
      const milestone = after.milestones.find((candidate) => candidate.id === fact.milestoneId)!;
      return told('milestone_completed', fact.by, {
        evidence: fact.evidence,
        details: { milestoneId: fact.milestoneId, late: fact.late },
        events: [
          {
            type: 'initiative.milestone-completed',
            data: {
              ...subject(after),
              milestoneId: fact.milestoneId,
              title: milestone.title,
              dueDate: milestone.dueDate,
              completedBy: fact.by,
              completedAt: fact.at,
              late: fact.late,
              evidence: fact.evidence,
            },
          },
        ],
        statusReason: `milestone '${milestone.title}' completed`,
      });
    }
    case 'milestone-replanned': {
      const { title } = after.milestones.find((candidate) => candidate.id === fact.milestoneId)!;
      const { milestoneId, previousDueDate, dueDate, reason } = fact;
      return told('milestone_replanned', fact.by, {
        reason,
        details: { milestoneId, previousDueDate, dueDate },
        events: [{ type: 'initiative.milestone-replanned', data: { ...subject(after), milestoneId, title, previousDueDate, dueDate, approvedBy: fact.by, reason } }],
        statusReason: `milestone '${title}' re-planned`,
      });
    }
    case 'milestone-escalated': {
      const milestone = after.milestones.find((candidate) => candidate.id === fact.milestoneId)!;
      const late = { ...subject(after), milestoneId: milestone.id, title: milestone.title, dueDate: milestone.dueDate };
      const notify = fact.audience === 'owner' ? after.ownerId : fact.audience === 'sponsor' ? after.sponsorId : null;
      const event: LifecycleEvent =
        fact.level === 1
          ? { type: 'initiative.milestone-missed', data: { ...late, ownerId: after.ownerId } }
          : { type: 'initiative.escalated', data: { ...late, level: fact.level, audience: fact.audience, notify, status: after.status } };
      return told('milestone_escalated', LIFECYCLE_ACTOR, {
        details: { milestoneId: milestone.id, level: fact.level, audience: fact.audience },
        events: [event],
        statusReason: `milestone '${milestone.title}' is late`,
      });
    }
    case 'held':
    case 'resumed':
    case 'cancelled':
      return told(fact.type, fact.by, { reason: fact.reason, details: { stage: after.stage }, statusReason: fact.reason });
    case 'forecast-updated':
      return told('forecast_updated', fact.by, {
        details: { measureIds: fact.forecasts.map((forecast) => forecast.measureId) },
        events: [
          {
            type: 'initiative.forecast-updated',
            data: {
              ...subject(after),
              currency: after.currency,
              forecastValue: totalForecast(after.measures),
              measures: after.measures.map((measure) => ({ measureId: measure.id, forecastValues: measure.forecastValues })),
            },
          },
        ],
      });
    case 'plan-revised':
      return told('plan_revised', fact.by, {
        details: { parts: Object.keys(fact.revision) },
        events: [
          {
            type: 'initiative.plan-revised',
            data: {
              ...subject(after),
              controllerId: after.controllerId,
              currency: after.currency,
              plannedValue: totalPlanned(after.measures),
              measures: measureValues(after),
              milestones: after.milestones.filter((milestone) => milestone.completedAt === null).map(milestoneValues),
            },
          },
        ],
        statusReason: 'plan revised',
      });
    case 'closure-requested':
      return told('closure_requested', fact.by, {
        events: [{ type: 'initiative.closure-requested', data: { ...subject(after), requestedBy: fact.by, closure: 'pending_confirmation' } }],
      });
    case 'value-confirmed': {
      const { confirmation } = fact;
      return told('value_confirmed', confirmation.controllerId, {
        reason: confirmation.reference || null,
        details: { confirmationId: confirmation.confirmationId, period: confirmation.period, amount: confirmation.amount, currency: confirmation.currency },
      });
    }
    case 'closure-rejected': {
      const { rejection } = fact;
      return told('closure_rejected', rejection.controllerId, {
        reason: rejection.reason,
        details: { confirmationId: rejection.confirmationId },
        events: [
          {
            type: 'initiative.closure-rejected',
            data: { ...subject(after), rejectedBy: rejection.controllerId, confirmationId: rejection.confirmationId, reason: rejection.reason },
          },
        ],
      });
    }
    case 'closed':
      return told('closed', LIFECYCLE_ACTOR, {
        details: { confirmedValue: fact.confirmedValue },
        events: [
          stageChanged(before, after, 'closure', { gateRequestId: null, decidedBy: [], comment: null }),
          {
            type: 'initiative.closed',
            data: { ...subject(after), currency: after.currency, plannedValue: totalPlanned(after.measures), confirmedValue: confirmedValueOf(after), closedAt: fact.at },
          },
        ],
        statusReason: 'closed on confirmed value',
      });
  }
}

/**
 * The change `fact` made, as the audit trail and the event stream tell it:
 * its own events, then `initiative.status-changed` when the status moved.
 */
export function announce(before: LifecycleState, fact: LifecycleFact, after: LifecycleState, at: string): LifecycleChange {
  const { statusReason, events, ...entry } = tell(before, fact, after);
  if (after.status !== before.status) {
    events.push({ type: 'initiative.status-changed', data: { ...subject(after), fromStatus: before.status, status: after.status, reason: statusReason } });
  }
  return { ...entry, at, revision: after.revision, events };
}
