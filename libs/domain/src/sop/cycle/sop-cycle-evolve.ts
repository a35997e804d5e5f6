import type { SopCycleFact } from './sop-cycle-fact';
import { instantAt, millisecondsOf } from '../../instant';
import type { SopCycleState, SopDecision, SopStepState } from './sop-cycle-state';

/**
 * The cycle after `fact`: the one place where a fact changes a cycle. It
 * never mutates `state`, so a state once answered or projected stays as it
 * was. Each fact bumps the version the projection keeps the newest of.
 */
export function evolveSopCycle(state: SopCycleState, fact: SopCycleFact): SopCycleState {
  return { ...applied(state, fact), version: state.version + 1 };
}

function applied(state: SopCycleState, fact: SopCycleFact): SopCycleState {
  switch (fact.type) {
    case 'step-completed': {
      const stepIndex = state.stepIndex + 1;
      const steps = state.steps.map((step, index): SopStepState => {
        if (index === state.stepIndex) return { ...step, completedAt: fact.at, completedBy: fact.by, note: fact.note };
        if (index !== stepIndex) return step;
        const published = step.step === 'published';
        return {
          ...step,
          startedAt: fact.at,
          dueAt: published ? null : instantAt(millisecondsOf(fact.at) + state.durationsMs[step.step as keyof SopCycleState['durationsMs']]),
          completedAt: published ? fact.at : null,
        };
      });
      return { ...state, stepIndex, steps };
    }
    case 'exceptions-raised':
      return { ...state, exceptions: fact.exceptions, mitigationDueAt: fact.mitigationDueAt };
    case 'pivots-proposed':
      return { ...state, pivots: fact.pivots };
    case 'mitigation-submitted':
      return {
        ...state,
        exceptions: state.exceptions.map((exception) => (exception.exceptionId === fact.exceptionId ? { ...exception, mitigation: fact.mitigation } : exception)),
      };
    case 'decision-recorded':
      return { ...state, decisions: [...state.decisions, fact.decision] };
    case 'decision-carried-out':
      return withDecision(state, fact.decisionId, (decision) => ({ ...decision, outcome: fact.outcome }));
    case 'decision-withdrawn':
      return { ...state, decisions: state.decisions.filter((decision) => decision.decisionId !== fact.decisionId) };
    case 'step-reminded':
      return { ...state, steps: state.steps.map((step, index) => (index === state.stepIndex && step.step === fact.step ? { ...step, remindedAt: fact.at } : step)) };
    case 'escalated': {
      const late = new Set(fact.escalations.filter((escalation) => escalation.kind === 'step_overdue').map((escalation) => escalation.subject));
      const unmitigated = new Set(fact.escalations.filter((escalation) => escalation.kind === 'mitigation_missing').map((escalation) => escalation.subject));
      return {
        ...state,
        steps: state.steps.map((step, index) => (index === state.stepIndex && late.has(step.step) ? { ...step, overdue: true } : step)),
        exceptions: state.exceptions.map((exception) => (unmitigated.has(exception.exceptionId) ? { ...exception, escalated: true } : exception)),
        escalations: [...state.escalations, ...fact.escalations],
      };
    }
  }
}

function withDecision(state: SopCycleState, decisionId: string, change: (decision: SopDecision) => SopDecision): SopCycleState {
  return { ...state, decisions: state.decisions.map((decision) => (decision.decisionId === decisionId ? change(decision) : decision)) };
}
