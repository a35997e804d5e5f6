import { currentStep, rankedByValueAtRisk, sopAgenda, type SopCycleState } from '@tollgate/domain';
import type { SopExceptionRecord } from './sop-exception.entity';
import { storedInstant } from './stored-instant';
import { subjectId, subjectName } from './subject-names';
import type { SopAgendaView, SopCycleView } from '@tollgate/contracts/views';


/** A cycle as the API shows it: instants as UTC ISO-8601. */
export function cycleView(state: SopCycleState): SopCycleView {
  return {
    id: state.cycleId,
    orgNodeId: state.orgNodeId,
    period: state.period,
    step: currentStep(state).step,
    chairId: state.chairId,
    startedBy: state.startedBy,
    startedAt: storedInstant(state.startedAt),
    steps: state.steps.map((step) => ({ ...step, startedAt: storedInstant(step.startedAt), dueAt: storedInstant(step.dueAt), completedAt: storedInstant(step.completedAt) })),
    mitigationDueAt: storedInstant(state.mitigationDueAt),
    exceptions: state.exceptions.length,
    escalations: state.escalations.map((escalation) => ({ ...escalation, at: storedInstant(escalation.at) })),
    decisions: state.decisions.map((decision) => ({ ...decision, decidedAt: storedInstant(decision.decidedAt), actions: decision.actions ?? [] })),
  };
}

/** The executive S&OP's agenda: the exceptions with their figures and mitigations, the escalations and the proposed pivots. */
export function agendaView(state: SopCycleState, records: readonly SopExceptionRecord[], names: ReadonlyMap<string, string> = new Map()): SopAgendaView {
  const agenda = sopAgenda(state);
  const figures = new Map(records.map((record) => [record.id, record]));
  return {
    cycleId: state.cycleId,
    step: currentStep(state).step,
    mitigationDueAt: storedInstant(state.mitigationDueAt),
    // The most at risk first: the order the chair works through them.
    exceptions: rankedByValueAtRisk(agenda.exceptions.map((exception) => {
      const record = figures.get(exception.exceptionId);
      return {
        id: exception.exceptionId,
        kind: exception.kind,
        subject: exception.subject,
        subjectName: subjectName(exception.subject, names),
        period: record?.period ?? state.period,
        reference: record?.reference ?? null,
        actual: record?.actual ?? null,
        deviation: record?.deviation ?? null,
        ownerId: exception.ownerId,
        state: exception.mitigation ? 'mitigated' : exception.escalated ? 'escalated' : 'awaiting_mitigation',
        mitigation: exception.mitigation ? { ...exception.mitigation, submittedAt: storedInstant(exception.mitigation.submittedAt) } : null,
        valueAtRisk: record?.valueAtRisk ?? exception.valueAtRisk ?? null,
        figures: record?.figures ?? {},
      };
    })),
    escalations: agenda.escalations.map((escalation) => ({ ...escalation, at: storedInstant(escalation.at) })),
    // Best first: the ranking is what the chair weighs.
    pivots: [...agenda.pivots]
      .sort((a, b) => b.score - a.score)
      .map((pivot) => ({ ...pivot, title: names.get(pivot.initiativeId) ?? null, programName: names.get(pivot.programId) ?? null })),
  };
}

/** The ids an agenda names (nodes, programs, initiatives), for looking their names up once. */
export function agendaSubjects(state: SopCycleState): string[] {
  const ids = new Set<string>();
  for (const exception of state.exceptions) ids.add(subjectId(exception.subject));
  for (const pivot of state.pivots) ids.add(pivot.initiativeId).add(pivot.programId);
  return [...ids];
}
