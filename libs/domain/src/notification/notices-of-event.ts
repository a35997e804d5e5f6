import { STEERING_COMMITTEE } from '../sop/cycle/sop-cycle-state';
import { SOP_EXCEPTION_WORDS } from '../sop/sop-exception';
import type { Notice, NoticeKind } from './notice';
import { dayInWords, doiInWords, moneyInWords, monthInWords } from './occasion';

const HOUR_MS = 3_600_000;

/** The announced events people are told of, with only what the notices read (the contracts' event data fits). */
export type NoticeEvent =
  | { type: 'initiative.gate-requested'; data: { initiativeId: string; gateRequestId: string; targetStage: number; submittedBy: string; submittedAt: string; keys: string[][]; sponsorId: string; controllerId: string | null } }
  | { type: 'initiative.stage-changed'; data: { initiativeId: string; fromStage: number; toStage: number; cause: string; decidedBy: string[] } }
  | { type: 'initiative.gate-rejected'; data: { initiativeId: string; targetStage: number; rejectedBy: string; reason: string } }
  | { type: 'initiative.milestone-missed'; data: { initiativeId: string; milestoneId: string; title: string; dueDate: string; ownerId: string } }
  | { type: 'initiative.escalated'; data: { initiativeId: string; milestoneId: string; title: string; dueDate: string; level: number; audience: string; notify: string | null } }
  | { type: 'initiative.closure-requested'; data: { initiativeId: string; requestedBy: string; closure: string } }
  | { type: 'initiative.closure-rejected'; data: { initiativeId: string; rejectedBy: string; reason: string } }
  | { type: 'initiative.closed'; data: { initiativeId: string; currency: string; plannedValue: number; confirmedValue: number } }
  | { type: 'plans.action-opened' | 'plans.action-reminded'; data: ActionData }
  | { type: 'plans.action-overdue'; data: ActionData & { escalatedTo: string } }
  | { type: 'plans.exception-raised'; data: { exceptionId: string; cycleId: string; orgNodeId: string; period: string; kind: string; subject: string; ownerId: string } }
  | { type: 'plans.cycle-escalated'; data: { cycleId: string; orgNodeId: string; period: string; kind: 'step_overdue' | 'mitigation_missing'; subject: string; exceptionKind: string | null; ownerId: string; escalatedTo: string } }
  | { type: 'plans.cycle-step-due'; data: { cycleId: string; orgNodeId: string; period: string; step: string; ownerId: string; dueAt: string } }
  | { type: 'plans.cycle-paper-issued'; data: { cycleId: string; orgNodeId: string; period: string; paper: 'pre_read' | 'minutes'; participants: string[]; meetingDueAt: string | null } }
  | { type: 'plans.decision-checked'; data: { decisionId: string; orgNodeId: string; figure: string; met: boolean; expected: number; actual: number } };

interface ActionData {
  actionId: string;
  orgNodeId: string;
  ownerId: string;
  chairId: string;
  title: string;
  dueDate: string;
}

/** What the service knows beside the event: the initiative it is about, who holds the PMO role, the gate policy, who took a decision. */
export interface NoticeContext {
  initiative: { title: string; ownerId: string; sponsorId: string; controllerId: string | null; currency: string; forecast: number; confirmed: number } | null;
  /** People known to hold the PMO role: they hold a key of gates 2 and 4 and stand for the steering committee. */
  pmoIds: readonly string[];
  gateDecisionWithinMs: number;
  /** Who took the decision a check is about. */
  decidedBy: string | null;
  /** What people call an S&OP exception's subject (the node, the family at a node, the initiative, the action); absent when unknown. */
  subjectName?: string | null;
}

export const NOTICE_EVENT_TYPES: readonly NoticeEvent['type'][] = [
  'initiative.gate-requested',
  'initiative.stage-changed',
  'initiative.gate-rejected',
  'initiative.milestone-missed',
  'initiative.escalated',
  'initiative.closure-requested',
  'initiative.closure-rejected',
  'initiative.closed',
  'plans.action-opened',
  'plans.action-reminded',
  'plans.action-overdue',
  'plans.decision-checked',
  'plans.cycle-paper-issued',
  'plans.exception-raised',
  'plans.cycle-escalated',
  'plans.cycle-step-due',
];

const KEY_WORDS: Record<string, string> = { sponsor: 'sponsor', controller: 'controller', pmo: 'PMO' };

/**
 * Who is told what of an announced event: the rule behind every mail and
 * chat message. Nobody is told of what they did themselves, and a person
 * named twice (a sponsor who is also a PMO user) is told once.
 */
export function noticesOf(event: NoticeEvent, context: NoticeContext): Notice[] {
  const notices = draft(event, context);
  const seen = new Set<string>();
  return notices.filter((notice) => {
    const key = `${notice.recipientId}\u0000${notice.kind}`;
    if (seen.has(key) || notice.recipientId === actorOf(event)) return false;
    seen.add(key);
    return true;
  });
}

function actorOf(event: NoticeEvent): string | null {
  switch (event.type) {
    case 'initiative.gate-requested':
      return event.data.submittedBy;
    case 'initiative.gate-rejected':
      return event.data.rejectedBy;
    case 'initiative.closure-requested':
      return event.data.requestedBy;
    case 'initiative.closure-rejected':
      return event.data.rejectedBy;
    default:
      return null;
  }
}

function draft(event: NoticeEvent, context: NoticeContext): Notice[] {
  if (event.type.startsWith('plans.action-')) return actionNotices(event as Extract<NoticeEvent, { data: ActionData }>, context);
  if (event.type === 'plans.decision-checked') {
    const { decisionId, orgNodeId, met, expected, actual } = event.data;
    if (!context.decidedBy) return [];
    return [
      {
        recipientId: context.decidedBy,
        kind: 'decision_checked',
        about: decisionId,
        title: `A decision's expected effect was ${met ? 'met' : 'missed'}`,
        happened: `The figure your decision expected was read on its day: ${actual} against the ${expected} expected, ${met ? 'met' : 'missed'}.`,
        asked: met ? null : 'Bring it to the next S&OP review with a new decision or mitigation.',
        by: null,
        link: `/nodes/${orgNodeId}/decisions`,
        valueAtStake: null,
        currency: null,
      },
    ];
  }
  if (event.type === 'plans.cycle-paper-issued') return paperNotices(event.data);
  if (event.type === 'plans.exception-raised' || event.type === 'plans.cycle-escalated') return sopNotices(event, context);
  if (event.type === 'plans.cycle-step-due') return [stepDueNotice(event.data)];
  const initiative = context.initiative;
  if (!initiative) return [];
  const { initiativeId } = event.data as { initiativeId: string };
  const about = (kind: NoticeKind, recipientId: string, words: Pick<Notice, 'title' | 'happened' | 'asked' | 'by'>): Notice => ({
    recipientId,
    kind,
    about: initiativeId,
    ...words,
    link: `/initiatives/${initiativeId}`,
    valueAtStake: Math.max(initiative.forecast - initiative.confirmed, 0),
    currency: initiative.currency,
  });
  const name = `“${initiative.title}”`;
  switch (event.type) {
    case 'initiative.gate-requested': {
      const { targetStage, submittedBy, submittedAt, keys, sponsorId, controllerId } = event.data;
      const by = new Date(Date.parse(submittedAt) + context.gateDecisionWithinMs).toISOString().slice(0, 10);
      const holders = (key: string) => (key === 'sponsor' ? [sponsorId] : key === 'controller' ? (controllerId ? [controllerId] : []) : key === 'pmo' ? context.pmoIds : []);
      return keys.flatMap((slot) =>
        slot.flatMap((key) =>
          holders(key).map((recipientId) =>
            about('gate_awaiting_key', recipientId, {
              title: `${name} asks for the gate to ${doiInWords(targetStage)}`,
              happened: `${submittedBy} asked on ${dayInWords(submittedAt)} for ${name} to pass the gate to ${doiInWords(targetStage)}, with evidence.`,
              asked: `Approve or reject it with your ${KEY_WORDS[key] ?? key} key.`,
              by,
            }),
          ),
        ),
      );
    }
    case 'initiative.stage-changed': {
      const { fromStage, toStage, cause, decidedBy } = event.data;
      if (cause !== 'gate') return [];
      return [
        about('gate_decided', initiative.ownerId, {
          title: `${name} passed the gate to ${doiInWords(toStage)}`,
          happened: `${decidedBy.join(' and ')} approved the gate from ${doiInWords(fromStage)} to ${doiInWords(toStage)}.`,
          asked: null,
          by: null,
        }),
      ];
    }
    case 'initiative.gate-rejected':
      return [
        about('gate_decided', initiative.ownerId, {
          title: `The gate to ${doiInWords(event.data.targetStage)} was rejected for ${name}`,
          happened: `${event.data.rejectedBy} rejected the request: ${event.data.reason}`,
          asked: 'Answer the reason, then ask for the gate again.',
          by: null,
        }),
      ];
    case 'initiative.milestone-missed':
      return [
        about('milestone_late', event.data.ownerId, {
          title: `Milestone “${event.data.title}” of ${name} is late`,
          happened: `The milestone was due ${dayInWords(event.data.dueDate)} and is not complete.`,
          asked: 'Complete it with evidence, or ask for a re-plan; otherwise it escalates to the sponsor.',
          by: null,
        }),
      ];
    case 'initiative.escalated': {
      const { title, dueDate, level, notify } = event.data;
      const recipients = notify ? [notify] : context.pmoIds;
      const rung = notify ? (level === 2 ? 'you, its sponsor' : 'you') : 'the steering committee';
      return recipients.map((recipientId) =>
        about('escalation_reached', recipientId, {
          title: `${name} is escalated to ${notify ? 'you' : 'the steering committee'}`,
          happened: `Milestone “${title}” was due ${dayInWords(dueDate)} and is still not complete; the escalation has reached ${rung} (rung ${level} of 3).`,
          asked: 'Decide with the owner how the initiative gets back on plan.',
          by: null,
        }),
      );
    }
    case 'initiative.closure-requested':
      if (event.data.closure !== 'pending_confirmation' || !initiative.controllerId) return [];
      return [
        about('closure_awaiting_confirmation', initiative.controllerId, {
          title: `${name} waits for your confirmation of realized value`,
          happened: `${event.data.requestedBy} asked to close ${name}; it cannot close until a controller confirms the value realized.`,
          asked: 'Confirm the realized value against the ledger, or reject the closure with a reason.',
          by: null,
        }),
      ];
    case 'initiative.closure-rejected':
      return [
        about('closure_decided', initiative.ownerId, {
          title: `The closure of ${name} was rejected`,
          happened: `${event.data.rejectedBy} rejected the confirmation: ${event.data.reason}`,
          asked: 'Answer the reason; the initiative stays open until value is confirmed.',
          by: null,
        }),
      ];
    case 'initiative.closed':
      return [
        about('closure_decided', initiative.ownerId, {
          title: `${name} is closed on confirmed value`,
          happened: `Finance confirmed ${moneyInWords(event.data.confirmedValue, event.data.currency)} realized against ${moneyInWords(event.data.plannedValue, event.data.currency)} planned; the initiative is closed.`,
          asked: null,
          by: null,
        }),
      ];
  }
  return [];
}

const SOP_STEP_WORDS: Record<string, string> = { data_gathering: 'data gathering', demand_review: 'demand review', supply_review: 'supply review', pre_sop: 'pre-S&OP', executive_sop: 'executive S&OP' };
const exceptionWords = (kind: string | null) => (kind ? ((SOP_EXCEPTION_WORDS as Record<string, string>)[kind] ?? kind.replace(/_/g, ' ')) : 'an exception');

/** What the S&OP cycle owes: a mitigation for each exception raised, and an overdue step or mitigation's notice to its owner and to whom it is escalated. */
function sopNotices(event: Extract<NoticeEvent, { type: 'plans.exception-raised' | 'plans.cycle-escalated' }>, context: NoticeContext): Notice[] {
  const month = monthInWords(event.data.period);
  const base = { link: `/nodes/${event.data.orgNodeId}/sop`, by: null, valueAtStake: null, currency: null };
  // Which one it is: an owner may owe several of a kind in one review.
  const named = context.subjectName ? `: ${context.subjectName}` : '';
  if (event.type === 'plans.exception-raised') {
    const { exceptionId, kind, ownerId } = event.data;
    return [
      {
        ...base,
        recipientId: ownerId,
        kind: 'mitigation_owed',
        about: exceptionId,
        title: `A mitigation is owed for ${exceptionWords(kind)}${named} (S&OP review of ${month})`,
        happened: `Pre-S&OP found ${exceptionWords(kind)} off plan, and you owe its mitigation.`,
        asked: 'Submit a mitigation (an action, its owner and its due date) in the S&OP room before the window closes.',
      },
    ];
  }
  const { cycleId, kind, subject, exceptionKind, ownerId, escalatedTo } = event.data;
  const what = kind === 'step_overdue' ? `The ${SOP_STEP_WORDS[subject] ?? subject} of the S&OP review of ${month}` : `The mitigation for ${exceptionWords(exceptionKind)}${named} (S&OP review of ${month})`;
  const notice = {
    ...base,
    kind: kind === 'step_overdue' ? ('sop_step_overdue' as const) : ('mitigation_overdue' as const),
    about: kind === 'step_overdue' ? cycleId : subject,
    title: `${what} is overdue`,
    happened: `${what} is past its deadline and has been escalated.`,
  };
  const above = escalatedTo === STEERING_COMMITTEE ? context.pmoIds : [escalatedTo];
  return [
    { ...notice, recipientId: ownerId, asked: kind === 'step_overdue' ? 'Complete the step in the S&OP room.' : 'Submit the mitigation in the S&OP room.' },
    ...above.map((recipientId) => ({ ...notice, recipientId, asked: `Follow it up with ${ownerId}.` })),
  ];
}

/** A step coming due: its owner is asked to finish it before the deadline, when it would be escalated to the chair. */
function stepDueNotice(data: Extract<NoticeEvent, { type: 'plans.cycle-step-due' }>['data']): Notice {
  const { cycleId, orgNodeId, period, step, ownerId, dueAt } = data;
  const what = `The ${SOP_STEP_WORDS[step] ?? step} of the S&OP review of ${monthInWords(period)}`;
  return {
    recipientId: ownerId,
    kind: 'sop_step_due',
    about: cycleId,
    title: `${what} is due ${dayInWords(dueAt)}`,
    happened: `${what} is yours and comes due at ${dueAt.slice(11, 16)} UTC on ${dayInWords(dueAt)}.`,
    asked: 'Complete the step in the S&OP room before then; past its deadline it is escalated.',
    by: dueAt.slice(0, 10),
    link: `/nodes/${orgNodeId}/sop`,
    valueAtStake: null,
    currency: null,
  };
}

/** Everyone who took part gets the paper: the pre-read to read before the meeting, the minutes to act on. */
function paperNotices(data: Extract<NoticeEvent, { type: 'plans.cycle-paper-issued' }>['data']): Notice[] {
  const { cycleId, period, paper, participants, meetingDueAt } = data;
  const month = monthInWords(period);
  const words =
    paper === 'pre_read'
      ? {
          kind: 'cycle_pre_read' as const,
          title: `Pre-read of the S&OP review of ${month}`,
          happened: `Pre-S&OP is done: the executive review of ${month} has its agenda, ranked by value at risk, with each exception's mitigation, the pivots proposed and the decisions sought. The PDF is attached.`,
          asked: 'Read it before the meeting.',
          by: meetingDueAt ? meetingDueAt.slice(0, 10) : null,
        }
      : {
          kind: 'cycle_minutes' as const,
          title: `Minutes of the S&OP review of ${month}`,
          happened: `The S&OP review of ${month} is published: its decisions with their rationales, and the actions they ask for with their owners and dates. The PDF is attached.`,
          asked: 'Check the actions that are yours; each is followed until done.',
          by: null,
        };
  return participants.map((recipientId) => ({
    recipientId,
    ...words,
    about: cycleId,
    link: `/cycles/${encodeURIComponent(cycleId)}/${paper === 'pre_read' ? 'pre-read' : 'minutes'}`,
    valueAtStake: null,
    currency: null,
  }));
}

function actionNotices(event: Extract<NoticeEvent, { data: ActionData }>, context: NoticeContext): Notice[] {
  const { actionId, ownerId, title, dueDate } = event.data;
  const base = { about: actionId, by: dueDate, link: '/work', valueAtStake: null, currency: null };
  switch (event.type) {
    case 'plans.action-opened':
      return [{ ...base, recipientId: ownerId, kind: 'action_owed', title: `You owe an action: “${title}”`, happened: 'The S&OP review asked this of you.', asked: 'Do it, then close it with evidence in My work.' }];
    case 'plans.action-reminded':
      return [{ ...base, recipientId: ownerId, kind: 'action_reminder', title: `Due ${dayInWords(dueDate)}: “${title}”`, happened: `Your action is due ${dayInWords(dueDate)} and is not done.`, asked: 'Close it with evidence in My work before it is overdue.' }];
    case 'plans.action-overdue': {
      const escalatedTo = event.data.escalatedTo === STEERING_COMMITTEE ? context.pmoIds : [event.data.escalatedTo];
      const overdue = { ...base, kind: 'action_overdue' as const, title: `Overdue: “${title}”`, happened: `The action was due ${dayInWords(dueDate)} and is not done; it is escalated.` };
      return [
        { ...overdue, recipientId: ownerId, asked: 'Close it with evidence in My work, or explain to the chair.' },
        ...escalatedTo.map((recipientId) => ({ ...overdue, recipientId, asked: `Follow it up with ${ownerId}, or drop it with a reason.` })),
      ];
    }
  }
  return [];
}

/** When a delivery that failed is tried again: after `firstRetryMs` (a minute), doubling, at most six hours apart. */
export function nextAttemptAt(failedAt: number, attempts: number, firstRetryMs = 60_000): number {
  return failedAt + Math.min(firstRetryMs * 2 ** Math.max(attempts - 1, 0), 6 * HOUR_MS);
}

/** How many times a delivery is tried before it is dead-lettered with its last reason. */
export const NOTICE_DELIVERY_ATTEMPTS = 8;
