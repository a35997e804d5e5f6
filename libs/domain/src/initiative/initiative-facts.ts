import type { Stage } from '../stage';
import type { Measure, PeriodAmount } from './measure';
import type { Milestone } from './milestone';

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

/** Titles are compared as people read them: case, spacing and surrounding blanks do not make a new title. */
export function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
