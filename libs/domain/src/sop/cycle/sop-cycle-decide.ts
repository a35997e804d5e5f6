import { isCalendarDate } from '../../calendar-date';
import { instantAt, millisecondsOf } from '../../instant';
import { conflict, forbidden, notFound, unprocessable, type RuleViolation } from '../../initiative/rule-violation';
import type { SopActionSpec } from '../action/sop-action-state';
import type { SopActionRequest, SopCycleCommand, SopDecisionContext } from './sop-cycle-command';
import type { SopCycleFact } from './sop-cycle-fact';
import { mayRunSopWork, mayTakeSopDecision } from './sop-cycle-rights';
import { claimProblems } from '../decision-claim';
import { SOP_EXCEPTION_WORDS } from '../sop-exception';
import { currentStep, isPublished, SOP_DECISION_KINDS, STEERING_COMMITTEE, stepReminderAt, type SopCycleException, type SopCycleState, type SopDecisionKind, type SopEscalation } from './sop-cycle-state';
import { SOP_DECISIONS_CARRIED_OUT } from './sop-cycle-work';

/** A command's outcome: the facts it makes true (none when nothing is due), or why it is refused. */
export type SopCycleRuling = { ok: true; facts: SopCycleFact[] } | { ok: false; violation: RuleViolation };

const refused = (violation: RuleViolation): SopCycleRuling => ({ ok: false, violation });
const facts = (...decided: SopCycleFact[]): SopCycleRuling => ({ ok: true, facts: decided });

/**
 * Whether `command` may change the cycle now, and what it makes true. Pure:
 * the time and fresh ids come from `context`. The workflow's validators and
 * handlers both ask it, so a command accepted is a command applied.
 */
export function decideSopCycle(state: SopCycleState, command: SopCycleCommand, { now, newId }: SopDecisionContext): SopCycleRuling {
  const at = instantAt(now);
  switch (command.type) {
    case 'complete-step': {
      if (isPublished(state)) return refused(conflict('the cycle is published; it takes no more steps'));
      const current = currentStep(state);
      if (command.step !== current.step) return refused(conflict(`the cycle is at step '${current.step}', not '${command.step}'`));
      if (!mayRunSopWork(command.actor, current.ownerId)) {
        return refused(forbidden(`completing step '${current.step}' requires being its owner (${current.ownerId}) or the role 'pmo'`));
      }
      return facts({ type: 'step-completed', step: current.step, by: command.actor.id, note: command.note?.trim() || null, at });
    }
    case 'raise-exceptions':
      return facts({
        type: 'exceptions-raised',
        exceptions: command.exceptions.map((exception) => ({ ...exception, mitigation: null, escalated: false })),
        mitigationDueAt: command.exceptions.length > 0 ? instantAt(now + state.mitigationWindowMs) : null,
      });
    case 'propose-pivots':
      return facts({ type: 'pivots-proposed', pivots: [...command.proposals] });
    case 'submit-mitigation': {
      const violation = mitigationProblem(state, command);
      if (violation) return refused(violation);
      const mitigation = { action: command.action.trim(), ownerId: command.ownerId.trim(), dueDate: command.dueDate, submittedBy: command.actor.id, submittedAt: at };
      return facts({ type: 'mitigation-submitted', exceptionId: command.exceptionId, mitigation });
    }
    case 'record-decision': {
      const violation = decisionProblem(state, command);
      if (violation) return refused(violation);
      const kind = command.kind as SopDecisionKind;
      const decisionId = newId();
      const decision = {
        decisionId,
        kind,
        subject: command.subject?.trim() || null,
        rationale: command.rationale.trim(),
        decidedBy: command.actor.id,
        decidedAt: at,
        // A decision the plans service carries out has its outcome once it is carried out.
        outcome: SOP_DECISIONS_CARRIED_OUT.includes(kind) ? null : [],
        actions: actionsAskedFor(state, command, newId),
        expects: command.expects ?? null,
      };
      return facts({ type: 'decision-recorded', decision });
    }
    case 'settle-decision': {
      const decision = state.decisions.find((known) => known.decisionId === command.decisionId);
      if (!decision) return refused(notFound(`decision ${command.decisionId} is not one of this cycle's`));
      if (decision.outcome !== null) return refused(conflict(`decision ${command.decisionId} is already carried out`));
      return command.outcome === null
        ? facts({ type: 'decision-withdrawn', decisionId: command.decisionId })
        : facts({ type: 'decision-carried-out', decisionId: command.decisionId, outcome: command.outcome });
    }
    case 'pass-deadlines': {
      const escalations = missedDeadlines(state, now);
      const step = currentStep(state);
      const reminderAt = command.remind ? stepReminderAt(step) : null;
      // A step escalated at this same moment is told it is overdue, not that it is coming due.
      const remind = reminderAt !== null && now >= reminderAt && !escalations.some((escalation) => escalation.kind === 'step_overdue');
      return facts(
        ...(remind ? [{ type: 'step-reminded' as const, step: step.step, ownerId: step.ownerId, dueAt: step.dueAt!, at }] : []),
        ...(escalations.length ? [{ type: 'escalated' as const, escalations }] : []),
      );
    }
  }
}

function mitigationProblem(state: SopCycleState, command: Extract<SopCycleCommand, { type: 'submit-mitigation' }>): RuleViolation | null {
  const { exceptionId } = command;
  const exception = state.exceptions.find((candidate) => candidate.exceptionId === exceptionId);
  if (!exception) return notFound(`exception ${exceptionId} is not on this cycle's agenda`);
  if (isPublished(state)) return conflict('the cycle is published; mitigations are closed');
  if (!mayRunSopWork(command.actor, exception.ownerId)) return forbidden(`the mitigation of exception ${exceptionId} is owed by ${exception.ownerId}`);
  if (exception.mitigation) return conflict(`exception ${exceptionId} already has a mitigation`);
  const unmet: string[] = [];
  if (!command.action.trim()) unmet.push('an action is required');
  if (!command.ownerId.trim()) unmet.push('an owner of the action is required');
  if (!isCalendarDate(command.dueDate)) unmet.push('a due date (YYYY-MM-DD) is required');
  return unmet.length ? unprocessable('the mitigation is incomplete', unmet) : null;
}

/** Decisions are taken at the executive S&OP by its chair or a PMO, each with its rationale. */
function decisionProblem(state: SopCycleState, command: Extract<SopCycleCommand, { type: 'record-decision' }>): RuleViolation | null {
  const step = currentStep(state).step;
  if (step !== 'executive_sop') return conflict(`decisions are taken at the executive S&OP; the cycle is at '${step}'`);
  if (!mayTakeSopDecision(command.actor, state.chairId)) return forbidden(`deciding requires being the chair of the executive S&OP (${state.chairId}) or the role 'pmo'`);
  if (!(SOP_DECISION_KINDS as readonly string[]).includes(command.kind)) return unprocessable(`unknown decision kind '${command.kind}'`);
  if (!command.rationale.trim()) return unprocessable('a decision needs its rationale');
  const claim = claimProblems(command.expects as Record<string, unknown> | null | undefined);
  if (claim.length) return unprocessable('the effect the decision expects cannot be checked', claim);
  const subject = command.subject?.trim() ?? '';
  if (command.action && command.kind !== 'accept_mitigation' && command.kind !== 'resolution') return unprocessable(`a '${command.kind}' decision asks for no action`);
  switch (command.kind as SopDecisionKind) {
    case 'approve_pivot':
    case 'reject_pivot': {
      if (!state.pivots.some((pivot) => pivot.programId === subject)) return notFound(`no pivot is proposed for program '${subject}'`);
      const decided = state.decisions.find((known) => (known.kind === 'approve_pivot' || known.kind === 'reject_pivot') && known.subject === subject);
      return decided ? conflict(`the pivot of program '${subject}' was already decided (${decided.decisionId})`) : null;
    }
    case 'promote_scenario':
      return subject ? null : unprocessable('name the scenario to promote as the subject');
    case 'accept_mitigation': {
      const exception = state.exceptions.find((candidate) => candidate.exceptionId === subject);
      if (!exception) return notFound(`exception '${subject}' is not on this cycle's agenda`);
      if (!exception.mitigation) return unprocessable(`exception '${subject}' has no mitigation to accept`);
      const accepted = state.decisions.find((known) => known.kind === 'accept_mitigation' && known.subject === subject);
      if (accepted) return conflict(`the mitigation of exception '${subject}' was already accepted (${accepted.decisionId})`);
      return actionRequestProblem(command.action, false);
    }
    case 'resolution':
      return actionRequestProblem(command.action, true);
  }
}

/** What an action asked of a resolution must name; a mitigation's action already has its title, owner and date. */
function actionRequestProblem(action: SopActionRequest | null | undefined, whole: boolean): RuleViolation | null {
  if (!action) return null;
  const unmet: string[] = [];
  if (whole) {
    if (!action.title?.trim()) unmet.push('action.title: what is to be done');
    if (!action.ownerId?.trim()) unmet.push('action.ownerId: who does it');
    if (!isCalendarDate(action.dueDate)) unmet.push('action.dueDate: by when (YYYY-MM-DD)');
    if (!action.expectedEffect?.trim()) unmet.push('action.expectedEffect: what should change once it is done');
    if (!action.doneWhen?.trim()) unmet.push('action.doneWhen: what evidence counts as done');
  } else if (action.title !== undefined || action.ownerId !== undefined || action.dueDate !== undefined) {
    unmet.push("action: an accepted mitigation's action, owner and date are the mitigation's");
  }
  return unmet.length ? unprocessable('the action is incomplete', unmet) : null;
}

/** What an accepted mitigation should bring about, unless the chair says it: the deviation gone at the next review. */
function expectedEffectOf(exception: Pick<SopCycleException, 'kind' | 'subject'>): string {
  const slash = exception.subject.indexOf('/');
  const family = slash < 0 ? '' : ` for ${exception.subject.slice(slash + 1)}`;
  return `no longer ${SOP_EXCEPTION_WORDS[exception.kind]}${family} at the next review`;
}

/** The actions a decision asks for, each with an id of its own: an accepted mitigation is one, a resolution may name one. */
function actionsAskedFor(state: SopCycleState, command: Extract<SopCycleCommand, { type: 'record-decision' }>, newId: () => string): SopActionSpec[] {
  const request = command.action ?? {};
  if (command.kind === 'accept_mitigation') {
    const exception = state.exceptions.find((candidate) => candidate.exceptionId === command.subject?.trim())!;
    const mitigation = exception.mitigation!;
    return [
      {
        actionId: newId(),
        title: mitigation.action,
        ownerId: mitigation.ownerId,
        dueDate: mitigation.dueDate,
        expectedEffect: request.expectedEffect?.trim() || expectedEffectOf(exception),
        doneWhen: request.doneWhen?.trim() || 'evidence that the mitigation was carried out',
        exceptionId: exception.exceptionId,
        valueAtRisk: exception.valueAtRisk ?? null,
      },
    ];
  }
  if (command.kind !== 'resolution' || !command.action) return [];
  return [
    {
      actionId: newId(),
      title: request.title!.trim(),
      ownerId: request.ownerId!.trim(),
      dueDate: request.dueDate!,
      expectedEffect: request.expectedEffect!.trim(),
      doneWhen: request.doneWhen!.trim(),
      exceptionId: null,
      valueAtRisk: null,
    },
  ];
}

/**
 * What the deadlines passed by `now` bring: a late step is escalated to the
 * chair (to the steering committee when the chair is late), and each exception
 * still without a mitigation to the chair. Each is escalated once.
 */
function missedDeadlines(state: SopCycleState, now: number): SopEscalation[] {
  if (isPublished(state)) return [];
  const escalations: SopEscalation[] = [];
  const escalate = (kind: SopEscalation['kind'], subject: string, ownerId: string) =>
    escalations.push({ kind, subject, ownerId, escalatedTo: ownerId === state.chairId ? STEERING_COMMITTEE : state.chairId, at: instantAt(now) });
  const step = currentStep(state);
  if (!step.overdue && step.dueAt !== null && now >= millisecondsOf(step.dueAt)) escalate('step_overdue', step.step, step.ownerId);
  if (state.mitigationDueAt !== null && now >= millisecondsOf(state.mitigationDueAt)) {
    for (const exception of state.exceptions) {
      if (!exception.mitigation && !exception.escalated) escalate('mitigation_missing', exception.exceptionId, exception.ownerId);
    }
  }
  return escalations;
}
