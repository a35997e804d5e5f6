import { instantAt, type Instant } from '../../instant';
import type { Evidence } from '../../initiative/evidence';

const DAY_MS = 86_400_000;

/** How long before its due date an action's owner is reminded, unless the node's setup says otherwise. */
export const DEFAULT_ACTION_REMINDER_LEAD_MS = 2 * DAY_MS;

export const SOP_ACTION_STATES = ['open', 'done', 'dropped'] as const;
export type SopActionStatus = (typeof SOP_ACTION_STATES)[number];

/** What a decision asks for: an accepted mitigation, or an action a decision names. */
export interface SopActionSpec {
  actionId: string;
  title: string;
  ownerId: string;
  /** YYYY-MM-DD; the action is overdue once the day has passed (UTC). */
  dueDate: string;
  /** What should change once it is done, in the words of the decision. */
  expectedEffect: string;
  /** What counts as done: the evidence its owner must show. */
  doneWhen: string;
  /** The exception whose mitigation it carries out, if any. */
  exceptionId: string | null;
  /** The value the deviation it answers puts at risk, when known. */
  valueAtRisk: number | null;
}

/** An action followed after the meeting: reminded before its date, escalated to the chair past it, closed only with evidence or by the chair. */
export interface SopActionState extends SopActionSpec {
  cycleId: string;
  orgNodeId: string;
  period: string;
  decisionId: string;
  chairId: string;
  openedAt: Instant;
  reminderLeadMs: number;
  status: SopActionStatus;
  remindedAt: Instant | null;
  overdueAt: Instant | null;
  /** Who the overdue action reached: the chair, or the steering committee when the chair owns it. */
  escalatedTo: string | null;
  done: { evidence: Evidence; by: string; at: Instant } | null;
  dropped: { reason: string; by: string; at: Instant } | null;
  version: number;
}

export function openSopAction(
  spec: SopActionSpec,
  origin: { cycleId: string; orgNodeId: string; period: string; decisionId: string; chairId: string; now: number; reminderLeadMs?: number },
): SopActionState {
  return {
    ...spec,
    cycleId: origin.cycleId,
    orgNodeId: origin.orgNodeId,
    period: origin.period,
    decisionId: origin.decisionId,
    chairId: origin.chairId,
    openedAt: instantAt(origin.now),
    reminderLeadMs: origin.reminderLeadMs ?? DEFAULT_ACTION_REMINDER_LEAD_MS,
    status: 'open',
    remindedAt: null,
    overdueAt: null,
    escalatedTo: null,
    done: null,
    dropped: null,
    version: 1,
  };
}

/** The moment the due date has passed: the end of that day, UTC. */
export function actionOverdueFrom(dueDate: string): number {
  return Date.parse(`${dueDate}T00:00:00Z`) + DAY_MS;
}

/** When the engine must next look at the action (epoch milliseconds, for a timer): its reminder, then its due date; never once closed. */
export function nextActionDeadline(state: SopActionState): number | null {
  if (state.status !== 'open') return null;
  if (state.remindedAt === null && state.overdueAt === null) return actionOverdueFrom(state.dueDate) - state.reminderLeadMs;
  if (state.overdueAt === null) return actionOverdueFrom(state.dueDate);
  return null;
}

export function isActionOverdue(state: Pick<SopActionState, 'status' | 'dueDate'>, now: number): boolean {
  return state.status === 'open' && now >= actionOverdueFrom(state.dueDate);
}

