import { instantAt, millisecondsOf, type Instant } from '../../instant';
import type { SopActionSpec } from '../action/sop-action-state';
import type { DecisionClaim } from '../decision-claim';
import type { PivotMove } from '../portfolio-pivot';
import type { SopExceptionKind } from '../sop-exception';

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
  /** When its owner was reminded that it is coming due; absent from cycles begun before steps were reminded. */
  remindedAt?: Instant | null;
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
  /** The value the deviation puts at risk; absent from cycles raised before it was known. */
  valueAtRisk?: number | null;
}

/** An exception as pre-S&OP computes it, before the cycle tracks its mitigation. */
export type RaisedSopException = Omit<SopCycleException, 'mitigation' | 'escalated'>;

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
  /** What carrying it out did (e.g. initiatives put on hold); null while it is being carried out. */
  outcome: string[] | null;
  /** What it asks for, each followed by the engine until done or dropped; absent from decisions taken before actions were followed. */
  actions?: SopActionSpec[];
  /** The figure it expects by a date, checked by the engine on that day; absent when it states none. */
  expects?: DecisionClaim | null;
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

/** How long before its deadline a step's owner is reminded: a day (24 hours), or half the step's time when that is shorter. */
export const SOP_STEP_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

/** When the step's owner is told it is coming due (epoch milliseconds); null for a step not begun, done, overdue or already reminded. */
export function stepReminderAt(step: SopStepState): number | null {
  if (step.startedAt === null || step.dueAt === null || step.completedAt !== null || step.overdue || step.remindedAt) return null;
  const due = millisecondsOf(step.dueAt);
  return due - Math.min(SOP_STEP_REMINDER_LEAD_MS, (due - millisecondsOf(step.startedAt)) / 2);
}

/**
 * The next moment a deadline falls (epoch milliseconds, for a timer): the
 * current step's, its reminder's (when the cycle reminds), or the mitigation
 * window's while some are missing.
 */
export function nextSopDeadline(state: SopCycleState, { reminders = false }: { reminders?: boolean } = {}): number | null {
  if (isPublished(state)) return null;
  const candidates: number[] = [];
  const step = currentStep(state);
  if (!step.overdue && step.dueAt !== null) candidates.push(millisecondsOf(step.dueAt));
  const reminder = reminders ? stepReminderAt(step) : null;
  if (reminder !== null) candidates.push(reminder);
  if (state.mitigationDueAt !== null && state.exceptions.some((exception) => !exception.mitigation && !exception.escalated)) {
    candidates.push(millisecondsOf(state.mitigationDueAt));
  }
  return candidates.length ? Math.min(...candidates) : null;
}

/** The agenda of the executive S&OP: exceptions, escalations and proposed pivots, nothing that is on plan. */
export function sopAgenda(state: SopCycleState) {
  return {
    exceptions: state.exceptions,
    escalations: state.escalations,
    pivots: state.pivots,
  };
}
