import type { Evidence } from './evidence';

/** A milestone of an initiative, due on a calendar date (UTC). */
export interface Milestone {
  id: string;
  title: string;
  /** `YYYY-MM-DD`; the milestone is late once that day has passed in UTC. */
  dueDate: string;
  completedAt: string | null;
  completedBy: string | null;
  evidence: Evidence | null;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDueDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The instant a milestone becomes late: the end of its due day in UTC. */
export function lateFrom(dueDate: string): number {
  return Date.parse(`${dueDate}T00:00:00.000Z`) + DAY_MS;
}

export function isLate(milestone: Milestone, now: number): boolean {
  return milestone.completedAt === null && now >= lateFrom(milestone.dueDate);
}
