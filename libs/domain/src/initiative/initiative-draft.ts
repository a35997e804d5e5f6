import { isCurrencyCode } from '../money';
import { hasRole, type Actor } from './actor';
import type { InitiativeFacts } from './initiative-facts';
import { periodAmountProblems, sumAmounts, type PeriodAmount } from './measure';
import { isDueDate } from './milestone';
import { forbidden, unprocessable, type RuleViolation } from './rule-violation';

/** What a person gives to define an initiative (stage 0). */
export interface InitiativeDraft
  extends Pick<InitiativeFacts, 'title' | 'programId' | 'ownerId' | 'sponsorId' | 'controllerId' | 'category' | 'currency'> {
  /** The rough value when no measure is planned yet, in minor units. */
  roughValue: number | null;
  measures: { name: string; category: string; plannedValues: PeriodAmount[] }[];
  oneTimeCosts: PeriodAmount[];
  milestones: { title: string; dueDate: string }[];
}

/** An owner creates initiatives they own; a PMO user creates them for anyone. */
export function checkInitiativeCreator(actor: Actor, ownerId: string): RuleViolation | null {
  if (hasRole(actor, 'pmo')) return null;
  if (hasRole(actor, 'owner') && actor.id === ownerId) return null;
  return hasRole(actor, 'owner')
    ? forbidden("creating an initiative for someone else requires the role 'pmo'")
    : forbidden("creating an initiative requires the role 'owner' or 'pmo'");
}

/** A rule a draft breaks, with the field it speaks of: what a form or a spreadsheet marks, never read from the words. */
export interface DraftProblem {
  field: keyof InitiativeDraft;
  message: string;
}

/** Separation of duties: owner, sponsor and controller are three different people. */
export function partyFieldProblems(parties: { ownerId: string; sponsorId: string; controllerId: string | null }): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (parties.sponsorId === parties.ownerId) problems.push({ field: 'sponsorId', message: 'the sponsor must not be the owner' });
  if (parties.controllerId !== null && parties.controllerId === parties.ownerId) problems.push({ field: 'controllerId', message: 'the controller must not be the owner' });
  if (parties.controllerId !== null && parties.controllerId === parties.sponsorId) problems.push({ field: 'controllerId', message: 'the controller must not be the sponsor' });
  return problems;
}

/** Separation of duties, as messages. */
export function partyProblems(parties: { ownerId: string; sponsorId: string; controllerId: string | null }): string[] {
  return partyFieldProblems(parties).map((problem) => problem.message);
}

/** Problems with measures, costs and milestones, whoever gives them (at creation or in a revision), each with its field. */
export function planFieldProblems(plan: Pick<InitiativeDraft, 'measures' | 'oneTimeCosts' | 'milestones'>): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const names = new Set<string>();
  for (const measure of plan.measures) {
    if (names.has(measure.name.trim().toLowerCase())) problems.push({ field: 'measures', message: `measure '${measure.name}' appears twice` });
    names.add(measure.name.trim().toLowerCase());
    problems.push(...periodAmountProblems(measure.plannedValues, `measure '${measure.name}'`).map((message) => ({ field: 'measures' as const, message })));
  }
  problems.push(...periodAmountProblems(plan.oneTimeCosts, 'one-time costs').map((message) => ({ field: 'oneTimeCosts' as const, message })));
  const titles = new Set<string>();
  for (const milestone of plan.milestones) {
    // Milestones are told apart by title when a plan is revised.
    if (titles.has(milestone.title.trim().toLowerCase())) problems.push({ field: 'milestones', message: `milestone '${milestone.title}' appears twice` });
    titles.add(milestone.title.trim().toLowerCase());
    if (!isDueDate(milestone.dueDate)) problems.push({ field: 'milestones', message: `milestone '${milestone.title}': '${milestone.dueDate}' is not a YYYY-MM-DD date` });
  }
  return problems;
}

/** Problems with measures, costs and milestones, as messages. */
export function planProblems(plan: Pick<InitiativeDraft, 'measures' | 'oneTimeCosts' | 'milestones'>): string[] {
  return planFieldProblems(plan).map((problem) => problem.message);
}

/** The value an initiative is defined with: its planned values, or the rough value when none are planned yet. */
export function roughValueOf(draft: Pick<InitiativeDraft, 'roughValue' | 'measures'>): number {
  const planned = draft.measures.reduce((sum, measure) => sum + sumAmounts(measure.plannedValues), 0);
  return planned > 0 ? planned : (draft.roughValue ?? 0);
}

/** Stage 0 needs a title, a program, owner and sponsor, and a rough value; every problem is named. */
export function checkInitiativeDraft(actor: Actor, draft: InitiativeDraft): RuleViolation | null {
  const creator = checkInitiativeCreator(actor, draft.ownerId);
  if (creator) return creator;
  const unmet = draftProblems(draft).map((problem) => problem.message);
  return unmet.length > 0 ? unprocessable(`the initiative cannot be defined: ${unmet.join('; ')}`, unmet) : null;
}

/** Every rule of a new initiative's content the draft breaks, each with its field. */
export function draftProblems(draft: InitiativeDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.title.trim()) problems.push({ field: 'title', message: 'a title is required' });
  if (!isCurrencyCode(draft.currency)) problems.push({ field: 'currency', message: `'${draft.currency}' is not an ISO 4217 currency code` });
  problems.push(...partyFieldProblems(draft));
  problems.push(...planFieldProblems(draft));
  if (draft.roughValue !== null && (!Number.isSafeInteger(draft.roughValue) || draft.roughValue < 0)) {
    problems.push({ field: 'roughValue', message: 'the rough value must be a whole, non-negative number of minor units' });
  }
  if (roughValueOf(draft) <= 0) problems.push({ field: 'roughValue', message: 'a rough value is required: planned values on a measure, or roughValue' });
  return problems;
}
