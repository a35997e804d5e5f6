import { phantomProgress } from './phantom-progress';
import { capacityException, isBeyondThreshold, planExceptions, SOP_EXCEPTION_KINDS, type DeviationThreshold, type SopException, type SopExceptionKind } from './sop-exception';

const DAY_MS = 86_400_000;

/** An open initiative under the node, as the portfolio knows it. */
export interface OffPlanInitiative {
  initiativeId: string;
  ownerId: string;
  sponsorId: string;
  stage: number;
  status: string;
  planned: number;
  forecast: number;
  confirmed: number;
  /** When it reached stage 4, epoch milliseconds. */
  implementedAt: number | null;
  /** The milestone its escalation is about and the rung reached, when it is escalated. */
  escalation: { milestoneId: string; title: string; dueDate: string; level: number } | null;
  /** Its gate request that waits for keys, when it has one. */
  waitingGate: WaitingGate | null;
}

/** A gate request not decided yet: which gate, when it was asked for, and the keys it needs (one list of acceptable keys a slot). */
export interface WaitingGate {
  gateRequestId: string;
  targetStage: number;
  submittedAt: string;
  keys: string[][];
  /** Who holds the controller's key; absent from requests recorded before it was kept. */
  controllerId?: string | null;
}

/** An action of an earlier decision or mitigation past its due date and not done. */
export interface OverdueAction {
  actionId: string;
  title: string;
  ownerId: string;
  dueDate: string;
  valueAtRisk: number | null;
}

/** An exception an earlier cycle of the node raised, with the mitigation it got and whether the chair accepted it. */
export interface EarlierException {
  kind: SopExceptionKind;
  subject: string;
  mitigation: { dueDate: string; accepted: boolean } | null;
}

/** What is known of a node for one period: everything the rule for what is off plan reads. */
export interface NodePeriodFigures {
  orgNodeId: string;
  period: string;
  value: { planned: number; forecast: number; target: number | null };
  /** The year up to and including the period. */
  yearToDate: { from: string; planned: number; forecast: number; target: number | null };
  /** Demand and capacity per product family, in volumes; a family missing one side counts it as 0. */
  families: readonly { family: string; demand: number; capacity: number }[];
  initiatives: readonly OffPlanInitiative[];
  overdueActions: readonly OverdueAction[];
  /** The node's earlier cycles, newest first, each with the exceptions it raised. */
  earlierCycles: readonly { period: string; exceptions: readonly EarlierException[] }[];
}

/** The node's limits: how far value and volumes may stray, how long implemented value may wait for finance. */
export interface OffPlanPolicy {
  value: DeviationThreshold;
  volume: DeviationThreshold;
  unconfirmedAfterMs: number;
  /** How long a gate request may wait for its keys. */
  gateDecisionWithinMs: number;
}

/**
 * What is off plan under a node in a period: the one rule that the node page,
 * the S&OP agenda, My work and the exports all show. Forecast under target
 * (the month and the year to date) and under or over plan, demand beyond
 * capacity, escalated initiatives with their late milestone, gate requests
 * waiting for their keys past the policy, phantom progress, overdue actions; each with who owes its mitigation, its value at
 * risk, and whether it recurs from earlier cycles. Ranked by value at risk.
 */
export function offPlan(figures: NodePeriodFigures, policy: OffPlanPolicy, ownerId: string, now: number): SopException[] {
  const { orgNodeId, period, value, yearToDate } = figures;
  const exceptions = planExceptions({ subject: orgNodeId, period, plan: value.planned, target: value.target, forecast: value.forecast, owner: ownerId }, policy.value);
  // The year to date is said only where it says more than the month: not in January, nor where no earlier month counts.
  const sameAsMonth = yearToDate.from === period || (yearToDate.target === value.target && yearToDate.forecast === value.forecast);
  if (!sameAsMonth && yearToDate.target !== null && yearToDate.forecast < yearToDate.target && isBeyondThreshold(yearToDate.target, yearToDate.forecast, policy.value)) {
    exceptions.push({
      kind: 'forecast_below_target_ytd',
      subject: orgNodeId,
      period,
      reference: yearToDate.target,
      actual: yearToDate.forecast,
      deviation: yearToDate.forecast - yearToDate.target,
      owner: ownerId,
      valueAtRisk: yearToDate.target - yearToDate.forecast,
      figures: { from: yearToDate.from },
    });
  }
  for (const family of figures.families) {
    const gap = capacityException({ subject: `${orgNodeId}/${family.family}`, period, demand: family.demand, capacity: family.capacity, owner: ownerId }, policy.volume);
    if (gap) exceptions.push(gap);
  }
  for (const initiative of figures.initiatives) {
    const escalated = escalationException(initiative, period, now);
    if (escalated) exceptions.push(escalated);
    const waiting = waitingGateException(initiative, period, now, policy.gateDecisionWithinMs);
    if (waiting) exceptions.push(waiting);
    const phantom = phantomException(initiative, period, now, policy.unconfirmedAfterMs);
    if (phantom) exceptions.push(phantom);
  }
  for (const action of figures.overdueActions) {
    exceptions.push({
      kind: 'action_overdue',
      subject: action.actionId,
      period,
      reference: 0,
      actual: 0,
      deviation: 0,
      owner: action.ownerId,
      valueAtRisk: action.valueAtRisk,
      figures: { action: { title: action.title, dueDate: action.dueDate } },
    });
  }
  const today = new Date(now).toISOString().slice(0, 10);
  return rankedByValueAtRisk(exceptions.map((exception) => withRecurrence(exception, figures.earlierCycles, today)));
}

/** An escalated initiative is always off plan; its sponsor owes the mitigation, and what it still promises is at risk. */
function escalationException(initiative: OffPlanInitiative, period: string, now: number): SopException | null {
  if (initiative.status !== 'escalated') return null;
  const late = initiative.escalation;
  return sponsorOwed('initiative_escalated', initiative, period, late ? { milestone: { ...late, daysLate: Math.max(Math.floor((now - Date.parse(late.dueDate)) / DAY_MS), 0) } } : {});
}

/** An initiative stuck in a way its sponsor answers for: what it still promises beyond what finance confirmed is at risk. */
function sponsorOwed(kind: SopExceptionKind, initiative: OffPlanInitiative, period: string, figures: SopException['figures']): SopException {
  return {
    kind,
    subject: initiative.initiativeId,
    period,
    reference: 0,
    actual: 0,
    deviation: 0,
    owner: initiative.sponsorId,
    valueAtRisk: Math.max(initiative.forecast - initiative.confirmed, 0),
    figures,
  };
}

/**
 * A gate request that has waited for its keys longer than the policy allows:
 * the initiative cannot move on. It is owed by a holder of a key it still
 * waits for: the sponsor while a slot takes theirs (they hold a key of every
 * gate), else the controller whose key is the one missing.
 */
function waitingGateException(initiative: OffPlanInitiative, period: string, now: number, withinMs: number): SopException | null {
  const gate = initiative.waitingGate;
  if (!gate) return null;
  const waitedMs = now - Date.parse(gate.submittedAt);
  if (!(waitedMs > withinMs)) return null;
  const { controllerId, ...waiting } = gate;
  const exception = sponsorOwed('gate_request_waiting', initiative, period, { gateRequest: { ...waiting, daysWaiting: Math.floor(waitedMs / DAY_MS) } });
  const sponsorMayDecide = gate.keys.some((slot) => slot.includes('sponsor'));
  return !sponsorMayDecide && controllerId && gate.keys.some((slot) => slot.includes('controller')) ? { ...exception, owner: controllerId } : exception;
}

/** Progress that is not what it seems; its owner owes the mitigation. */
function phantomException(initiative: OffPlanInitiative, period: string, now: number, unconfirmedAfterMs: number): SopException | null {
  const reasons = phantomProgress(initiative, now, unconfirmedAfterMs);
  if (reasons.length === 0) return null;
  const unconfirmed = reasons.includes('implemented_unconfirmed');
  // Implemented but unconfirmed: all it forecasts is at risk; on track under plan: the shortfall.
  const actual = unconfirmed ? initiative.confirmed : initiative.forecast;
  const atRisk = Math.max(unconfirmed ? initiative.forecast - initiative.confirmed : 0, initiative.planned - initiative.forecast, 0);
  return {
    kind: 'phantom_progress',
    subject: initiative.initiativeId,
    period,
    reference: initiative.planned,
    actual,
    deviation: actual - initiative.planned,
    owner: initiative.ownerId,
    valueAtRisk: atRisk,
    figures: { reasons },
  };
}

/**
 * How many cycles in a row the exception has been raised, and whether the
 * mitigation the chair accepted last time is past its date while the
 * exception is still here: the mitigation did not work.
 */
function withRecurrence(exception: SopException, earlierCycles: NodePeriodFigures['earlierCycles'], today: string): SopException {
  const same = (earlier: EarlierException) => earlier.kind === exception.kind && earlier.subject === exception.subject;
  let cycles = 1;
  for (const cycle of earlierCycles) {
    if (!cycle.exceptions.some(same)) break;
    cycles += 1;
  }
  if (cycles === 1) return exception;
  const last = earlierCycles[0].exceptions.find(same)!;
  const mitigationFailed = last.mitigation !== null && last.mitigation.accepted && last.mitigation.dueDate < today;
  return { ...exception, figures: { ...exception.figures, recurrence: { cycles, mitigationFailed } } };
}

const KIND_ORDER = new Map<string, number>(SOP_EXCEPTION_KINDS.map((kind, index) => [kind, index]));

/** The most value at risk first; deviations in volumes (no value) after every valued one; then by kind and subject. */
export function rankedByValueAtRisk<T extends Pick<SopException, 'kind' | 'subject' | 'valueAtRisk'>>(exceptions: readonly T[]): T[] {
  return [...exceptions].sort(
    (a, b) =>
      (b.valueAtRisk ?? -1) - (a.valueAtRisk ?? -1) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || a.subject.localeCompare(b.subject),
  );
}
