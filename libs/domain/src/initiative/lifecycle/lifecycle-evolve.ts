import type { Stage } from '../../stage';
import { freezeBaseline, isBaselineFrozen } from '../baseline';
import { currentEscalation } from '../escalation';
import type { GateRequest } from '../gate-request';
import { deriveStatus } from '../initiative-status';
import type { LifecycleState } from '../lifecycle-state';
import type { LifecycleFact } from './lifecycle-fact';

/** Decided gate requests kept in the state; the initiatives service keeps them all. */
export const KEPT_GATE_REQUESTS = 20;

const NO_CLOSURE: LifecycleState['closure'] = { state: 'none', requestedBy: null, requestedAt: null, reason: null, closedAt: null };

/**
 * The state after `fact`: the one place where a fact changes an initiative.
 * It never mutates `state`, so a state once answered or projected stays as
 * it was. Each fact is one revision; escalation and status are derived anew
 * after every fact.
 */
export function evolve(state: LifecycleState, fact: LifecycleFact): LifecycleState {
  return withDerivedStatus({ ...applied(state, fact), revision: state.revision + 1 });
}

function applied(state: LifecycleState, fact: LifecycleFact): LifecycleState {
  switch (fact.type) {
    case 'created':
      return state;
    case 'gate-requested':
      return { ...state, gateRequests: [...state.gateRequests, fact.request].slice(-KEPT_GATE_REQUESTS) };
    case 'gate-approved':
      return withRequest(state, fact.requestId, (request) => ({ ...request, approvals: [...request.approvals, fact.approval] }));
    case 'gate-rejected':
      return withRequest(state, fact.requestId, (request) => ({
        ...request,
        state: 'rejected',
        rejection: { by: fact.by, at: fact.at, reason: fact.reason },
        decidedAt: fact.at,
      }));
    case 'stage-entered': {
      const decided = withRequest(state, fact.gateRequestId, (request) => ({ ...request, state: 'approved', decidedAt: fact.at }));
      return enterStage(decided, fact.toStage, fact.at);
    }
    case 'rolled-back': {
      const rolled = enterStage(withdrawPending(state, fact.at), fact.toStage, fact.at);
      return state.closure.state === 'none' ? rolled : { ...rolled, closure: NO_CLOSURE };
    }
    case 'milestone-completed': {
      const { [fact.milestoneId]: _cleared, ...escalationLevels } = state.escalationLevels;
      return {
        ...state,
        milestones: state.milestones.map((milestone) =>
          milestone.id === fact.milestoneId ? { ...milestone, completedAt: fact.at, completedBy: fact.by, evidence: fact.evidence } : milestone,
        ),
        escalationLevels,
      };
    }
    case 'milestone-replanned': {
      // A new due date starts the milestone's ladder again.
      const { [fact.milestoneId]: _cleared, ...escalationLevels } = state.escalationLevels;
      return {
        ...state,
        milestones: state.milestones.map((milestone) => (milestone.id === fact.milestoneId ? { ...milestone, dueDate: fact.dueDate } : milestone)),
        escalationLevels,
      };
    }
    case 'milestone-escalated':
      return { ...state, escalationLevels: { ...state.escalationLevels, [fact.milestoneId]: fact.level } };
    case 'held':
      return withDecision({ ...state, hold: { since: fact.at, by: fact.by, reason: fact.reason } }, fact.decisionId);
    case 'resumed':
      return withDecision({ ...state, hold: null }, fact.decisionId);
    case 'cancelled': {
      const cancelled = { ...withdrawPending(state, fact.at), cancellation: { at: fact.at, by: fact.by, reason: fact.reason } };
      return state.closure.state === 'pending_confirmation' ? { ...cancelled, closure: { ...state.closure, state: 'none' } } : cancelled;
    }
    case 'forecast-updated':
      return {
        ...state,
        measures: state.measures.map((measure) => {
          // A measure named twice in one forecast takes the last of its values.
          const forecast = fact.forecasts.findLast((candidate) => candidate.measureId === measure.id);
          return forecast ? { ...measure, forecastValues: forecast.forecastValues } : measure;
        }),
      };
    case 'plan-revised':
      return revisePlan(state, fact);
    case 'closure-requested':
      return { ...state, closure: { state: 'pending_confirmation', requestedBy: fact.by, requestedAt: fact.at, reason: null, closedAt: null } };
    case 'value-confirmed':
      return { ...state, confirmations: [...state.confirmations, fact.confirmation] };
    case 'closure-rejected':
      return {
        ...state,
        rejectedConfirmationIds: [...state.rejectedConfirmationIds, fact.rejection.confirmationId],
        closure: { ...state.closure, state: 'rejected', reason: fact.rejection.reason },
      };
    case 'closed':
      return { ...state, stage: 5, closure: { ...state.closure, state: 'closed', reason: null, closedAt: fact.at }, escalationLevels: {} };
  }
}

/** Entering the baseline stage freezes the plan once; falling back below it thaws it. */
function enterStage(state: LifecycleState, toStage: Stage, at: string): LifecycleState {
  if (!isBaselineFrozen(toStage)) return { ...state, stage: toStage, baselineFrozenAt: null };
  if (state.baselineFrozenAt !== null) return { ...state, stage: toStage };
  return { ...state, stage: toStage, measures: freezeBaseline(state.measures), baselineFrozenAt: at };
}

function withRequest(state: LifecycleState, requestId: string, change: (request: GateRequest) => GateRequest): LifecycleState {
  return { ...state, gateRequests: state.gateRequests.map((request) => (request.id === requestId ? change(request) : request)) };
}

function withdrawPending(state: LifecycleState, at: string): LifecycleState {
  return {
    ...state,
    gateRequests: state.gateRequests.map((request) => (request.state === 'pending' ? { ...request, state: 'withdrawn', decidedAt: at } : request)),
  };
}

function withDecision(state: LifecycleState, decisionId: string | undefined): LifecycleState {
  return decisionId === undefined ? state : { ...state, portfolioDecisionIds: [...(state.portfolioDecisionIds ?? []), decisionId] };
}

/** A revised measure or milestone that `decide` matched to a known one (by its name) keeps that one's forecast or completion. */
function revisePlan(state: LifecycleState, fact: Extract<LifecycleFact, { type: 'plan-revised' }>): LifecycleState {
  const { revision } = fact;
  const next: LifecycleState = { ...state };
  if (revision.controllerId !== undefined) next.controllerId = revision.controllerId;
  if (revision.oneTimeCosts) next.oneTimeCosts = revision.oneTimeCosts;
  if (revision.measures) {
    next.measures = revision.measures.map((measure, index) => {
      const id = fact.measureIds[index];
      const kept = state.measures.find((candidate) => candidate.id === id);
      return { id, name: measure.name, category: measure.category, plannedValues: measure.plannedValues, forecastValues: kept?.forecastValues ?? [] };
    });
  }
  if (revision.milestones) {
    next.milestones = revision.milestones.map((milestone, index) => {
      const id = fact.milestoneIds[index];
      const kept = state.milestones.find((candidate) => candidate.id === id);
      return kept ? { ...kept, dueDate: milestone.dueDate } : { id, title: milestone.title, dueDate: milestone.dueDate, completedAt: null, completedBy: null, evidence: null };
    });
    next.escalationLevels = Object.fromEntries(
      Object.entries(state.escalationLevels).filter(([id]) => next.milestones.some((milestone) => milestone.id === id && milestone.completedAt === null)),
    );
  }
  return next;
}

/** Escalation and status follow from the facts, never from a command of their own. */
function withDerivedStatus(state: LifecycleState): LifecycleState {
  const escalation = currentEscalation(state.milestones, state.escalationLevels);
  const status = deriveStatus({
    stage: state.stage,
    cancelled: state.cancellation !== null,
    onHold: state.hold !== null,
    escalationLevel: escalation?.level ?? 0,
  });
  return { ...state, escalation, status, onHold: state.hold !== null, cancelled: state.cancellation !== null };
}
