import { dayInWords, doiInWords, monthInWords } from './occasion';

/** One entry of a calendar: a day (all day) or an instant, named once and for good, so that a moved date moves the entry. */
export interface CalendarEntry {
  uid: string;
  /** YYYY-MM-DD for an all-day entry, else an ISO instant. */
  start: string;
  allDay: boolean;
  summary: string;
  description: string;
  /** The cockpit page, as a path. */
  link: string;
}

/** What a person's calendar is made of, as the plans service knows it. */
export interface PersonalCalendarSources {
  milestones: readonly { initiativeId: string; milestoneId: string; initiativeTitle: string; title: string; dueDate: string }[];
  gatesAwaiting: readonly { initiativeId: string; initiativeTitle: string; gateRequestId: string; targetStage: number; submittedAt: string }[];
  actions: readonly { actionId: string; title: string; dueDate: string; doneWhen: string }[];
  cycles: readonly SopCycleDates[];
}

/** A cycle's steps and their owners and dates, for the calendars. */
export interface SopCycleDates {
  cycleId: string;
  orgNodeId: string;
  nodeName: string;
  period: string;
  chairId: string;
  steps: readonly { step: string; ownerId: string; dueAt: string | null; completedAt: string | null }[];
}

/**
 * The steps with the day each is due: a step begun has its deadline; one to
 * come is planned from the one before it and its own duration, so that a
 * calendar holds the meeting before the cycle reaches it, and moves it when
 * an earlier step is done early or late.
 */
export function withPlannedDates<T extends { step: string; dueAt: string | null; completedAt: string | null }>(steps: readonly T[], durationsMs: Partial<Record<string, number>>): T[] {
  let previous: number | null = null;
  return steps.map((step) => {
    const known = step.completedAt ?? step.dueAt;
    const planned = known === null && previous !== null && durationsMs[step.step] !== undefined ? previous + durationsMs[step.step]! : null;
    const dueAt = step.dueAt ?? (planned === null ? null : new Date(planned).toISOString());
    previous = known !== null ? Date.parse(known) : planned;
    return { ...step, dueAt };
  });
}

const STEP_WORDS: Record<string, string> = {
  data_gathering: 'Data gathering',
  demand_review: 'Demand review',
  supply_review: 'Supply review',
  pre_sop: 'Pre-S&OP',
  executive_sop: 'Executive S&OP meeting',
};


/**
 * A person's calendar: their open milestones' due days, the gates awaiting
 * their key by the day the policy allows, their open actions' due days, the
 * S&OP steps they own and the executive meetings they chair. Each entry's
 * uid is what it is about, so that a date moved is the same entry moved.
 */
export function personalCalendar(personId: string, sources: PersonalCalendarSources, gateDecisionWithinMs: number): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const milestone of sources.milestones) {
    entries.push({
      uid: `milestone-${milestone.initiativeId}-${milestone.milestoneId}@tollgate`,
      start: milestone.dueDate,
      allDay: true,
      summary: `Milestone due: ${milestone.title} (${milestone.initiativeTitle})`,
      description: `Complete it with evidence, or ask for a re-plan; a late milestone escalates to the sponsor.`,
      link: `/initiatives/${milestone.initiativeId}`,
    });
  }
  for (const gate of sources.gatesAwaiting) {
    entries.push({
      uid: `gate-${gate.gateRequestId}@tollgate`,
      start: new Date(Date.parse(gate.submittedAt) + gateDecisionWithinMs).toISOString().slice(0, 10),
      allDay: true,
      summary: `Gate to decide: ${gate.initiativeTitle} to ${doiInWords(gate.targetStage)}`,
      description: `Asked for ${dayInWords(gate.submittedAt)}; approve or reject it with your key.`,
      link: `/initiatives/${gate.initiativeId}`,
    });
  }
  for (const action of sources.actions) {
    entries.push({
      uid: `action-${action.actionId}@tollgate`,
      start: action.dueDate,
      allDay: true,
      summary: `Action due: ${action.title}`,
      description: `Done when: ${action.doneWhen}. Close it with evidence in My work.`,
      link: '/work',
    });
  }
  for (const cycle of sources.cycles) {
    for (const step of cycle.steps) {
      const mine = step.ownerId === personId || (step.step === 'executive_sop' && cycle.chairId === personId);
      if (!mine || !step.dueAt || step.completedAt || !STEP_WORDS[step.step]) continue;
      entries.push(stepEntry(cycle, step.step, step.dueAt));
    }
  }
  return entries.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}

/** A node's S&OP calendar: every step of its cycles that is still to come, the executive meetings among them. */
export function sopCalendar(cycles: readonly SopCycleDates[]): CalendarEntry[] {
  return cycles
    .flatMap((cycle) => cycle.steps.filter((step) => step.dueAt && !step.completedAt && STEP_WORDS[step.step]).map((step) => stepEntry(cycle, step.step, step.dueAt!)))
    .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}

function stepEntry(cycle: SopCycleDates, step: string, dueAt: string): CalendarEntry {
  return {
    uid: `sop-${cycle.cycleId}-${step}@tollgate`,
    start: dueAt,
    allDay: false,
    summary: `${STEP_WORDS[step]}: ${cycle.nodeName}, ${monthInWords(cycle.period)}`,
    description: step === 'executive_sop' ? 'The S&OP decisions of the month: read the pre-read before.' : `Due: complete the step in the S&OP room.`,
    link: `/nodes/${cycle.orgNodeId}/sop`,
  };
}
