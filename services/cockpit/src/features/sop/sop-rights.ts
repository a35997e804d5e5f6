import { mayCompleteAction, mayDropAction, mayRunSopWork, mayTakeSopDecision } from '@tollgate/domain';
import type { SopActionView, SopCycleView, SopExceptionView, SopStepView } from '@tollgate/contracts/views';
import { actorOf, type Viewer } from '../initiative/initiative-rights';

/** The step's owner runs it; a PMO or an admin may stand in (the domain's rule). The server still decides. */
export function mayCompleteStep(viewer: Viewer, cycle: SopCycleView, step: SopStepView): boolean {
  return cycle.step === step.step && step.step !== 'published' && mayRunSopWork(actorOf(viewer), step.ownerId);
}

/** The exception's owner (or a PMO or admin) sends its one mitigation while the cycle is open. */
export function mayMitigate(viewer: Viewer, cycle: SopCycleView, exception: SopExceptionView): boolean {
  return cycle.step !== 'published' && !exception.mitigation && mayRunSopWork(actorOf(viewer), exception.ownerId);
}

/** Decisions are the chair's, or a PMO's, and only at the executive S&OP. */
export function mayDecideSop(viewer: Viewer, cycle: SopCycleView): boolean {
  return cycle.step === 'executive_sop' && mayTakeSopDecision(actorOf(viewer), cycle.chairId);
}

/** What is already decided in the cycle: accepted mitigations by exception, pivots by program. */
export function decidedSubjects(cycle: SopCycleView): { mitigations: Set<string>; pivots: Map<string, 'approved' | 'rejected'> } {
  const mitigations = new Set<string>();
  const pivots = new Map<string, 'approved' | 'rejected'>();
  for (const decision of cycle.decisions) {
    if (decision.kind === 'accept_mitigation' && decision.subject) mitigations.add(decision.subject);
    if (decision.kind === 'approve_pivot' && decision.subject) pivots.set(decision.subject, 'approved');
    if (decision.kind === 'reject_pivot' && decision.subject) pivots.set(decision.subject, 'rejected');
  }
  return { mitigations, pivots };
}

/** A step is late once its deadline has passed before it was completed, whether or not the escalation timer has fired yet. */
export function isLate(step: SopStepView, now: number): boolean {
  if (step.overdue) return true;
  if (step.dueAt === null) return false;
  const due = Date.parse(step.dueAt);
  return step.completedAt === null ? now >= due : Date.parse(step.completedAt) > due;
}

/** An open action is closed with evidence by its owner (or a PMO or admin standing in): the domain's rule. */
export function mayCloseAction(viewer: Viewer, action: SopActionView): boolean {
  return action.status === 'open' && mayCompleteAction(actorOf(viewer), action);
}

/** An open action is dropped only by the chair who decided it (or a PMO), with a reason. */
export function mayDropSopAction(viewer: Viewer, action: SopActionView): boolean {
  return action.status === 'open' && mayDropAction(actorOf(viewer), action);
}
