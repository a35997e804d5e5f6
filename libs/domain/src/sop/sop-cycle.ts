import { instantAt, millisecondsOf, type Instant } from '../instant';
import { hasRole, type Actor } from '../initiative/actor';
import { conflict, forbidden, notFound, unprocessable, type RuleViolation } from '../initiative/rule-violation';
import type { PivotMove } from './portfolio-pivot';
import type { SopExceptionKind } from './sop-exception';

/** The steps of a monthly S&OP cycle, in the order they are walked. */
export const SOP_STEPS = ['data_gathering', 'demand_review', 'supply_review', 'pre_sop', 'executive_sop', 'published'] as const;

export type SopStep = (typeof SOP_STEPS)[number];

/** Who runs each step and how long it may take: set per node (the policy), fixed for a cycle when it starts. */
export interface SopCyclePlan {
  owners: Record<Exclude<SopStep, 'published'>, string>;
  /** Milliseconds each step may take, counted from when it begins. */
  durationsMs: Record<Exclude<SopStep, 'published'>, number>;
  /** How long exception owners have to send their mitigation once pre-S&OP computes the exceptions. */
  mitigationWindowMs: number;
}

export interface SopStepState {
  step: SopStep;
  ownerId: string;
  /** Null until the step begins. */
  startedAt: Instant | null;
  dueAt: Instant | null;
  completedAt: Instant | null;
  completedBy: string | null;
  note: string | null;
  overdue: boolean;
}

export interface SopMitigation {
  action: string;
  ownerId: string;
  dueDate: string;
  submittedBy: string;
  submittedAt: Instant;
}

/** An exception as the cycle tracks it: raised at pre-S&OP, owing a mitigation. */
export interface SopCycleException {
  exceptionId: string;
  kind: SopExceptionKind;
  subject: string;
  ownerId: string;
  mitigation: SopMitigation | null;
  escalated: boolean;
}

export interface SopPivotProposal {
  programId: string;
  initiativeId: string;
  move: PivotMove;
  score: number;
}

export const SOP_DECISION_KINDS = ['approve_pivot', 'reject_pivot', 'promote_scenario', 'accept_mitigation', 'resolution'] as const;

export type SopDecisionKind = (typeof SOP_DECISION_KINDS)[number];

export interface SopDecision {
  decisionId: string;
  kind: SopDecisionKind;
  /** The program of a pivot, the scenario to promote, the exception whose mitigation is accepted; null for a free resolution. */
  subject: string | null;
  rationale: string;
  decidedBy: string;
  decidedAt: Instant;
  /** What applying it did, once applied (e.g. initiatives put on hold). */
  outcome: string[] | null;
}

export interface SopEscalation {
  kind: 'step_overdue' | 'mitigation_missing';
  subject: string;
  ownerId: string;
  /** The chair, or the steering committee when the chair's own step is late. */
  escalatedTo: string;
  at: Instant;
}

export interface SopCycleState {
  cycleId: string;
  orgNodeId: string;
  period: string;
  startedBy: string;
  startedAt: Instant;
  /** The executive S&OP's owner: decisions are theirs (or a PMO's), escalations reach them. */
  chairId: string;
  stepIndex: number;
  steps: SopStepState[];
  durationsMs: SopCyclePlan['durationsMs'];
  mitigationWindowMs: number;
  mitigationDueAt: Instant | null;
  exceptions: SopCycleException[];
  pivots: SopPivotProposal[];
  decisions: SopDecision[];
  escalations: SopEscalation[];
  /** Bumped on every change: the projection keeps only the newest. */
  version: number;
}

export const STEERING_COMMITTEE = 'steering_committee';

export function currentStep(state: SopCycleState): SopStepState {
  return state.steps[state.stepIndex];
}

export function isPublished(state: SopCycleState): boolean {
  return currentStep(state).step === 'published';
}

export function initialSopCycleState(start: {
  cycleId: string;
  orgNodeId: string;
  period: string;
  startedBy: string;
  now: number;
  plan: SopCyclePlan;
}): SopCycleState {
  const { plan, now } = start;
  const steps = SOP_STEPS.map((step, index): SopStepState => ({
    step,
    ownerId: step === 'published' ? plan.owners.executive_sop : plan.owners[step],
    startedAt: index === 0 ? instantAt(now) : null,
    dueAt: index === 0 ? instantAt(now + plan.durationsMs.data_gathering) : null,
    completedAt: null,
    completedBy: null,
    note: null,
    overdue: false,
  }));
  return {
    cycleId: start.cycleId,
    orgNodeId: start.orgNodeId,
    period: start.period,
    startedBy: start.startedBy,
    startedAt: instantAt(now),
    chairId: plan.owners.executive_sop,
    stepIndex: 0,
    steps,
    durationsMs: plan.durationsMs,
    mitigationWindowMs: plan.mitigationWindowMs,
    mitigationDueAt: null,
    exceptions: [],
    pivots: [],
    decisions: [],
    escalations: [],
    version: 1,
  };
}

/** Who runs a step or sends a mitigation: its owner, or a PMO or admin standing in. */
export function mayRunSopWork(actor: Pick<Actor, 'id' | 'roles'>, ownerId: string): boolean {
  return actor.id === ownerId || hasRole(actor, 'pmo') || hasRole(actor, 'admin');
}

/** Who decides at the executive S&OP: its chair or a PMO; an admin manages the hierarchy and plans, and decides nothing. */
export function mayTakeSopDecision(actor: Pick<Actor, 'id' | 'roles'>, chairId: string): boolean {
  return actor.id === chairId || hasRole(actor, 'pmo');
}

/** The step's owner (or a PMO or admin) completes the current step; the next one begins. */
export function checkStepCompletion(state: SopCycleState, actor: Actor, step: string): RuleViolation | null {
  if (isPublished(state)) return conflict('the cycle is published; it takes no more steps');
  const current = currentStep(state);
  if (step !== current.step) return conflict(`the cycle is at step '${current.step}', not '${step}'`);
  if (!mayRunSopWork(actor, current.ownerId)) return forbidden(`completing step '${current.step}' requires being its owner (${current.ownerId}) or the role 'pmo'`);
  return null;
}

export function completeStep(state: SopCycleState, actor: Actor, note: string | null, now: number): SopStepState {
  const current = currentStep(state);
  const at = instantAt(now);
  Object.assign(current, { completedAt: at, completedBy: actor.id, note });
  state.stepIndex += 1;
  const next = currentStep(state);
  next.startedAt = at;
  next.dueAt = next.step === 'published' ? null : instantAt(now + state.durationsMs[next.step]);
  if (next.step === 'published') next.completedAt = at;
  state.version += 1;
  return next;
}

/** The exceptions computed at pre-S&OP, each owing a mitigation before the window closes. */
export function raiseExceptions(
  state: SopCycleState,
  exceptions: readonly Omit<SopCycleException, 'mitigation' | 'escalated'>[],
  now: number,
): void {
  state.exceptions = exceptions.map((exception) => ({ ...exception, mitigation: null, escalated: false }));
  state.mitigationDueAt = exceptions.length > 0 ? instantAt(now + state.mitigationWindowMs) : null;
  state.version += 1;
}

export function checkMitigation(
  state: SopCycleState,
  actor: Actor,
  exceptionId: string,
  mitigation: { action: string; ownerId: string; dueDate: string },
): RuleViolation | null {
  const exception = state.exceptions.find((candidate) => candidate.exceptionId === exceptionId);
  if (!exception) return notFound(`exception ${exceptionId} is not on this cycle's agenda`);
  if (isPublished(state)) return conflict('the cycle is published; mitigations are closed');
  if (!mayRunSopWork(actor, exception.ownerId)) return forbidden(`the mitigation of exception ${exceptionId} is owed by ${exception.ownerId}`);
  if (exception.mitigation) return conflict(`exception ${exceptionId} already has a mitigation`);
  const unmet: string[] = [];
  if (!mitigation.action.trim()) unmet.push('an action is required');
  if (!mitigation.ownerId.trim()) unmet.push('an owner of the action is required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(mitigation.dueDate) || Number.isNaN(Date.parse(mitigation.dueDate))) unmet.push('a due date (YYYY-MM-DD) is required');
  return unmet.length ? unprocessable('the mitigation is incomplete', unmet) : null;
}

export function recordMitigation(
  state: SopCycleState,
  actor: Actor,
  exceptionId: string,
  mitigation: { action: string; ownerId: string; dueDate: string },
  now: number,
): void {
  const exception = state.exceptions.find((candidate) => candidate.exceptionId === exceptionId)!;
  exception.mitigation = { action: mitigation.action.trim(), ownerId: mitigation.ownerId.trim(), dueDate: mitigation.dueDate, submittedBy: actor.id, submittedAt: instantAt(now) };
  state.version += 1;
}

export function proposePivots(state: SopCycleState, proposals: readonly SopPivotProposal[]): void {
  state.pivots = [...proposals];
  state.version += 1;
}

/** Decisions are taken at the executive S&OP by its chair or a PMO, each with its rationale. */
export function checkSopDecision(
  state: SopCycleState,
  actor: Actor,
  decision: { kind: string; subject: string | null; rationale: string },
): RuleViolation | null {
  if (currentStep(state).step !== 'executive_sop') return conflict(`decisions are taken at the executive S&OP; the cycle is at '${currentStep(state).step}'`);
  if (!mayTakeSopDecision(actor, state.chairId)) return forbidden(`deciding requires being the chair of the executive S&OP (${state.chairId}) or the role 'pmo'`);
  if (!(SOP_DECISION_KINDS as readonly string[]).includes(decision.kind)) return unprocessable(`unknown decision kind '${decision.kind}'`);
  if (!decision.rationale.trim()) return unprocessable('a decision needs its rationale');
  const subject = decision.subject?.trim() ?? '';
  switch (decision.kind as SopDecisionKind) {
    case 'approve_pivot':
    case 'reject_pivot': {
      if (!state.pivots.some((pivot) => pivot.programId === subject)) return notFound(`no pivot is proposed for program '${subject}'`);
      const decided = state.decisions.find((known) => (known.kind === 'approve_pivot' || known.kind === 'reject_pivot') && known.subject === subject);
      if (decided) return conflict(`the pivot of program '${subject}' was already decided (${decided.decisionId})`);
      return null;
    }
    case 'promote_scenario':
      return subject ? null : unprocessable('name the scenario to promote as the subject');
    case 'accept_mitigation': {
      const exception = state.exceptions.find((candidate) => candidate.exceptionId === subject);
      if (!exception) return notFound(`exception '${subject}' is not on this cycle's agenda`);
      return exception.mitigation ? null : unprocessable(`exception '${subject}' has no mitigation to accept`);
    }
    case 'resolution':
      return null;
  }
}

export function recordSopDecision(
  state: SopCycleState,
  actor: Actor,
  decision: { decisionId: string; kind: SopDecisionKind; subject: string | null; rationale: string },
  now: number,
): SopDecision {
  const recorded: SopDecision = {
    decisionId: decision.decisionId,
    kind: decision.kind,
    subject: decision.subject?.trim() || null,
    rationale: decision.rationale.trim(),
    decidedBy: actor.id,
    decidedAt: instantAt(now),
    outcome: null,
  };
  state.decisions.push(recorded);
  state.version += 1;
  return recorded;
}

/** The lifecycle moves an approved pivot applies: accelerating and keeping change nothing in the lifecycle. */
export function pivotMoves(state: SopCycleState, programId: string): { initiativeId: string; move: 'hold' | 'resume' }[] {
  return state.pivots
    .filter((pivot) => pivot.programId === programId && (pivot.move === 'hold' || pivot.move === 'resume'))
    .map((pivot) => ({ initiativeId: pivot.initiativeId, move: pivot.move as 'hold' | 'resume' }));
}

/** The next moment a deadline falls (epoch milliseconds, for a timer): the current step's, or the mitigation window's while some are missing. */
export function nextSopDeadline(state: SopCycleState): number | null {
  if (isPublished(state)) return null;
  const candidates: number[] = [];
  const step = currentStep(state);
  if (!step.overdue && step.dueAt !== null) candidates.push(millisecondsOf(step.dueAt));
  if (state.mitigationDueAt !== null && state.exceptions.some((exception) => !exception.mitigation && !exception.escalated)) {
    candidates.push(millisecondsOf(state.mitigationDueAt));
  }
  return candidates.length ? Math.min(...candidates) : null;
}

/**
 * What the deadlines passed by `now` bring: a late step is escalated to the
 * chair (to the steering committee when the chair is late), and each exception
 * still without a mitigation to the chair. Each is escalated once.
 */
export function escalateMissedDeadlines(state: SopCycleState, now: number): SopEscalation[] {
  const escalations: SopEscalation[] = [];
  const escalate = (kind: SopEscalation['kind'], subject: string, ownerId: string) =>
    escalations.push({ kind, subject, ownerId, escalatedTo: ownerId === state.chairId ? STEERING_COMMITTEE : state.chairId, at: instantAt(now) });
  const step = currentStep(state);
  if (!isPublished(state) && !step.overdue && step.dueAt !== null && now >= millisecondsOf(step.dueAt)) {
    step.overdue = true;
    escalate('step_overdue', step.step, step.ownerId);
  }
  if (!isPublished(state) && state.mitigationDueAt !== null && now >= millisecondsOf(state.mitigationDueAt)) {
    for (const exception of state.exceptions) {
      if (exception.mitigation || exception.escalated) continue;
      exception.escalated = true;
      escalate('mitigation_missing', exception.exceptionId, exception.ownerId);
    }
  }
  if (escalations.length) {
    state.escalations.push(...escalations);
    state.version += 1;
  }
  return escalations;
}

/** The agenda of the executive S&OP: exceptions, escalations and proposed pivots, nothing that is on plan. */
export function sopAgenda(state: SopCycleState) {
  return {
    exceptions: state.exceptions,
    escalations: state.escalations,
    pivots: state.pivots,
  };
}
