import { instantAt, type Instant } from '../../instant';
import type { Actor } from '../../initiative/actor';
import { hasEvidence, type Evidence } from '../../initiative/evidence';
import { conflict, forbidden, unprocessable, type RuleViolation } from '../../initiative/rule-violation';
import { mayRunSopWork, mayTakeSopDecision } from '../cycle/sop-cycle-rights';
import { STEERING_COMMITTEE } from '../cycle/sop-cycle-state';
import { actionOverdueFrom, type SopActionState } from './sop-action-state';

export type SopActionCommand =
  | { type: 'complete'; actor: Actor; evidence: Evidence }
  | { type: 'drop'; actor: Actor; reason: string }
  /** A timer fired: the reminder or the due date may have come. */
  | { type: 'pass-deadlines' };

export type SopActionFact =
  | { type: 'reminded'; at: Instant }
  | { type: 'overdue'; at: Instant; escalatedTo: string }
  | { type: 'done'; evidence: Evidence; by: string; at: Instant }
  | { type: 'dropped'; reason: string; by: string; at: Instant };

export type SopActionRuling = { ok: true; facts: SopActionFact[] } | { ok: false; violation: RuleViolation };

const refused = (violation: RuleViolation): SopActionRuling => ({ ok: false, violation });

/** Who may close an action with evidence: its owner, or a PMO or admin standing in. */
export function mayCompleteAction(actor: Pick<Actor, 'id' | 'roles'>, action: Pick<SopActionState, 'ownerId'>): boolean {
  return mayRunSopWork(actor, action.ownerId);
}

/** Who may drop an action: the chair who decided it (or a PMO), and only with a reason. */
export function mayDropAction(actor: Pick<Actor, 'id' | 'roles'>, action: Pick<SopActionState, 'chairId'>): boolean {
  return mayTakeSopDecision(actor, action.chairId);
}

/** Whether `command` may change the action now, and what it makes true. Pure: the time comes from `now`. */
export function decideSopAction(state: SopActionState, command: SopActionCommand, now: number): SopActionRuling {
  const at = instantAt(now);
  if (command.type === 'pass-deadlines') {
    if (state.status !== 'open') return { ok: true, facts: [] };
    const facts: SopActionFact[] = [];
    const overdueFrom = actionOverdueFrom(state.dueDate);
    // A reminder that would come after the due date is not sent: the overdue notice says more.
    if (state.remindedAt === null && now >= overdueFrom - state.reminderLeadMs && now < overdueFrom) facts.push({ type: 'reminded', at });
    if (state.overdueAt === null && now >= overdueFrom) facts.push({ type: 'overdue', at, escalatedTo: state.ownerId === state.chairId ? STEERING_COMMITTEE : state.chairId });
    return { ok: true, facts };
  }
  if (state.status !== 'open') return refused(conflict(`the action is ${state.status}; it takes no more changes`));
  if (command.type === 'complete') {
    if (!mayCompleteAction(command.actor, state)) return refused(forbidden(`closing this action requires being its owner (${state.ownerId}) or the role 'pmo'`));
    if (!hasEvidence(command.evidence)) return refused(unprocessable('an action is done only with evidence', [`evidence: show what was done (${state.doneWhen})`]));
    return { ok: true, facts: [{ type: 'done', evidence: { text: command.evidence.text.trim(), links: command.evidence.links ?? [] }, by: command.actor.id, at }] };
  }
  if (!mayDropAction(command.actor, state)) return refused(forbidden(`dropping this action requires being the chair who decided it (${state.chairId}) or the role 'pmo'`));
  if (!command.reason.trim()) return refused(unprocessable('an action is dropped only with a reason', ['reason: say why it is no longer needed']));
  return { ok: true, facts: [{ type: 'dropped', reason: command.reason.trim(), by: command.actor.id, at }] };
}

/** The action after `fact`; it never mutates `state`. */
export function evolveSopAction(state: SopActionState, fact: SopActionFact): SopActionState {
  const next = { ...state, version: state.version + 1 };
  switch (fact.type) {
    case 'reminded':
      return { ...next, remindedAt: fact.at };
    case 'overdue':
      return { ...next, overdueAt: fact.at, escalatedTo: fact.escalatedTo };
    case 'done':
      return { ...next, status: 'done', done: { evidence: fact.evidence, by: fact.by, at: fact.at } };
    case 'dropped':
      return { ...next, status: 'dropped', dropped: { reason: fact.reason, by: fact.by, at: fact.at } };
  }
}
