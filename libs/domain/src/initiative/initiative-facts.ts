import type { Stage } from '../stage';
import type { Measure, PeriodAmount } from './measure';
import type { Milestone } from './milestone';
import { conflict, type RuleViolation } from './rule-violation';

/** What the lifecycle rules read of an initiative. */
export interface InitiativeFacts {
  title: string;
  programId: string;
  ownerId: string;
  sponsorId: string;
  controllerId: string | null;
  category: string;
  currency: string;
  stage: Stage;
  onHold: boolean;
  cancelled: boolean;
  measures: Measure[];
  oneTimeCosts: PeriodAmount[];
  milestones: Milestone[];
}

/** Open: neither closed nor cancelled; it still walks its gates. */
export function isOpen(facts: Pick<InitiativeFacts, 'stage' | 'cancelled'>): boolean {
  return facts.stage < 5 && !facts.cancelled;
}

/** Every change but a confirmation's bookkeeping needs an open initiative. */
export function checkOpen(facts: Pick<InitiativeFacts, 'stage' | 'cancelled'>): RuleViolation | null {
  return isOpen(facts) ? null : conflict(`the initiative is ${facts.cancelled ? 'cancelled' : 'closed'}`);
}

/** A hold stops the gates: neither requests nor decisions until the sponsor resumes it. */
export function checkGatesUnblocked(facts: Pick<InitiativeFacts, 'onHold'>): RuleViolation | null {
  return facts.onHold ? conflict('the initiative is on hold; gates are blocked until it is resumed') : null;
}

/** Titles are compared as people read them: case, spacing and surrounding blanks do not make a new title. */
export function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
