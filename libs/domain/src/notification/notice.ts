/**
 * What people are told, each kind a person can set to immediate, daily
 * digest or off. The order is the order a digest lists them in.
 */
export const NOTICE_KINDS = [
  'gate_awaiting_key',
  'gate_decided',
  'milestone_late',
  'escalation_reached',
  'mitigation_owed',
  'mitigation_overdue',
  'sop_step_due',
  'sop_step_overdue',
  'action_owed',
  'action_reminder',
  'action_overdue',
  'closure_awaiting_confirmation',
  'closure_decided',
  'decision_checked',
  'cycle_pre_read',
  'cycle_minutes',
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_DELIVERIES = ['immediate', 'digest', 'off'] as const;

export type NoticeDelivery = (typeof NOTICE_DELIVERIES)[number];

/** Each kind in words, for the settings page and the digest's headings. */
export const NOTICE_KIND_WORDS: Record<NoticeKind, string> = {
  gate_awaiting_key: 'A gate request awaits my key',
  gate_decided: 'A decision on my gate request',
  milestone_late: 'A milestone of mine is late',
  escalation_reached: 'An escalation reaches me',
  mitigation_owed: 'An S&OP exception that owes my mitigation',
  mitigation_overdue: 'A mitigation missing past its window (mine, or escalated to me)',
  sop_step_due: 'An S&OP step of mine coming due',
  sop_step_overdue: 'An S&OP step overdue (mine, or escalated to me)',
  action_owed: 'An action I owe',
  action_reminder: 'A reminder of an action I owe',
  action_overdue: 'An action overdue (mine, or one escalated to me)',
  closure_awaiting_confirmation: 'A closure awaits my confirmation',
  closure_decided: 'My closure confirmed or rejected',
  decision_checked: "A decision's expected effect checked",
  cycle_pre_read: 'The pre-read of an S&OP review I take part in',
  cycle_minutes: 'The minutes of an S&OP review I took part in',
};

/**
 * What is sent unless a person says otherwise: what asks something of them
 * at once, what only informs them in the day's digest.
 */
export const DEFAULT_NOTICE_DELIVERY: Record<NoticeKind, NoticeDelivery> = {
  gate_awaiting_key: 'immediate',
  gate_decided: 'immediate',
  milestone_late: 'immediate',
  escalation_reached: 'immediate',
  mitigation_owed: 'immediate',
  mitigation_overdue: 'immediate',
  sop_step_due: 'immediate',
  sop_step_overdue: 'immediate',
  action_owed: 'immediate',
  action_reminder: 'immediate',
  action_overdue: 'immediate',
  closure_awaiting_confirmation: 'immediate',
  closure_decided: 'immediate',
  decision_checked: 'digest',
  cycle_pre_read: 'immediate',
  cycle_minutes: 'immediate',
};

/**
 * How old an event may be and still be told: a consumer reading the topic
 * from its beginning (a new deployment, a reset) records what it learns but
 * tells nobody of months-old gate requests.
 */
export const NOTICE_HORIZON_MS = 2 * 86_400_000;

export function tooOldToTell(eventTime: string, now: number): boolean {
  return now - Date.parse(eventTime) > NOTICE_HORIZON_MS;
}

/** How a person wants a kind delivered: their own choice, else the default. */
export function deliveryOf(kind: NoticeKind, chosen: Partial<Record<string, NoticeDelivery>>): NoticeDelivery {
  return chosen[kind] ?? DEFAULT_NOTICE_DELIVERY[kind];
}

/**
 * One thing one person is told: what happened, what is asked of them and by
 * when, and the page of the cockpit it is about. `about` names the initiative,
 * action or decision, so the page that shows it can show who was told.
 */
export interface Notice {
  recipientId: string;
  kind: NoticeKind;
  about: string;
  /** The mail's subject and the chat message's title. */
  title: string;
  happened: string;
  asked: string | null;
  /** The day (YYYY-MM-DD) by which it is asked, when there is one. */
  by: string | null;
  /** The cockpit page, as a path (`/initiatives/…`). */
  link: string;
  /** What is at stake, in minor units of `currency`, for ranking a digest; null where no value is known. */
  valueAtStake: number | null;
  currency: string | null;
}
