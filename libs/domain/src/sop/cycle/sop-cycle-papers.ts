import { dayInWords } from '../../notification/occasion';
import { STEERING_COMMITTEE, type SopCycleState, type SopStep } from './sop-cycle-state';

/** The cycle's papers: the pre-read the executive meeting is prepared with, and the minutes of what it decided. */
export const SOP_CYCLE_PAPERS = ['pre_read', 'minutes'] as const;

export type SopCyclePaper = (typeof SOP_CYCLE_PAPERS)[number];

/** The step whose completion issues each paper: pre-S&OP done, the executive meeting has its pre-read; the meeting done, the cycle is published with its minutes. */
export const STEP_ISSUING_PAPER: Record<SopCyclePaper, SopStep> = { pre_read: 'pre_sop', minutes: 'executive_sop' };

/** The paper a completed step issues, if any. */
export const PAPER_OF_COMPLETED_STEP: Partial<Record<SopStep, SopCyclePaper>> = Object.fromEntries(SOP_CYCLE_PAPERS.map((paper) => [STEP_ISSUING_PAPER[paper], paper]));

/** Whether the paper exists yet: the pre-read from the executive S&OP on, the minutes once published. */
export function paperIssued(state: SopCycleState, paper: SopCyclePaper): boolean {
  return state.steps.some((candidate) => candidate.step === STEP_ISSUING_PAPER[paper] && candidate.completedAt !== null);
}

/**
 * Who took part in the cycle, and receives its papers: the chair, who
 * started it, each step's owner and whoever completed a step, the owners of
 * its exceptions and of their mitigations, and whoever decided. Each once, in
 * that order; the steering committee is not a person.
 */
export function cycleParticipants(state: SopCycleState): string[] {
  const people = [
    state.chairId,
    state.startedBy,
    ...state.steps.flatMap((step) => [step.ownerId, step.completedBy]),
    ...state.exceptions.flatMap((exception) => [exception.ownerId, exception.mitigation?.ownerId, exception.mitigation?.submittedBy]),
    ...state.decisions.map((decision) => decision.decidedBy),
  ];
  return [...new Set(people.filter((person): person is string => typeof person === 'string' && person !== STEERING_COMMITTEE))];
}

/** A decision the executive meeting is asked to take. */
export type SopDecisionSought =
  | { kind: 'accept_mitigation'; exceptionId: string; action: string; ownerId: string; dueDate: string }
  | { kind: 'resolution'; exceptionId: string; reason: 'no_mitigation' }
  | { kind: 'approve_pivot'; programId: string; moves: number };

/**
 * What the pre-read asks the meeting to decide: each mitigation not yet
 * accepted, each exception still without one (a resolution), and each
 * program whose pivot is proposed and not yet decided.
 */
export function decisionsSought(state: SopCycleState): SopDecisionSought[] {
  const decided = new Set(state.decisions.map((decision) => `${decision.kind === 'reject_pivot' ? 'approve_pivot' : decision.kind}:${decision.subject}`));
  const sought: SopDecisionSought[] = [];
  for (const exception of state.exceptions) {
    if (decided.has(`accept_mitigation:${exception.exceptionId}`) || decided.has(`resolution:${exception.exceptionId}`)) continue;
    sought.push(
      exception.mitigation
        ? { kind: 'accept_mitigation', exceptionId: exception.exceptionId, action: exception.mitigation.action, ownerId: exception.mitigation.ownerId, dueDate: exception.mitigation.dueDate }
        : { kind: 'resolution', exceptionId: exception.exceptionId, reason: 'no_mitigation' },
    );
  }
  const programs = [...new Set(state.pivots.map((pivot) => pivot.programId))];
  for (const programId of programs) {
    if (decided.has(`approve_pivot:${programId}`)) continue;
    sought.push({ kind: 'approve_pivot', programId, moves: state.pivots.filter((pivot) => pivot.programId === programId && pivot.move !== 'keep').length });
  }
  return sought;
}

/** A decision sought as the pre-read says it, page and PDF alike; `subjectName` is what people call its exception or program. */
export function decisionSoughtInWords(sought: SopDecisionSought & { subjectName: string | null }): string {
  switch (sought.kind) {
    case 'accept_mitigation':
      return `Accept the mitigation of ${sought.subjectName ?? sought.exceptionId}: ${sought.action} (${sought.ownerId}, by ${dayInWords(sought.dueDate)})`;
    case 'resolution':
      return `Resolve ${sought.subjectName ?? sought.exceptionId}: no mitigation came`;
    case 'approve_pivot':
      return `Approve or reject the pivot of ${sought.subjectName ?? sought.programId} (${sought.moves} ${sought.moves === 1 ? 'move' : 'moves'})`;
  }
}
