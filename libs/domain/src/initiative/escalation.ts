import { lateFrom, Milestone } from './milestone';

/** The grace periods of the escalation ladder, in milliseconds. */
export interface EscalationPolicy {
  /** From the due date passing to the sponsor being brought in. */
  sponsorGraceMs: number;
  /** From the sponsor being brought in to the steering committee. */
  steeringCommitteeGraceMs: number;
}

/** 0: not late; 1: the owner is asked for a mitigation; 2: the sponsor; 3: the steering committee. */
export type EscalationLevel = 0 | 1 | 2 | 3;

export const ESCALATION_AUDIENCE = {
  1: 'owner',
  2: 'sponsor',
  3: 'steering_committee',
} as const;

export type EscalationAudience = (typeof ESCALATION_AUDIENCE)[1 | 2 | 3];

/** When each rung of the ladder is reached for a milestone due on `dueDate`. */
export function escalationSchedule(dueDate: string, policy: EscalationPolicy): [number, number, number] {
  const owner = lateFrom(dueDate);
  const sponsor = owner + policy.sponsorGraceMs;
  return [owner, sponsor, sponsor + policy.steeringCommitteeGraceMs];
}

/** The rung a milestone stands on at `now`; a completed milestone never escalates. */
export function escalationLevel(milestone: Milestone, now: number, policy: EscalationPolicy): EscalationLevel {
  if (milestone.completedAt !== null) return 0;
  const reached = escalationSchedule(milestone.dueDate, policy).filter((at) => now >= at).length;
  return reached as EscalationLevel;
}

/** The next instant after `now` at which any open milestone climbs a rung, or null when none will. */
export function nextEscalationAt(milestones: readonly Milestone[], now: number, policy: EscalationPolicy): number | null {
  let next: number | null = null;
  for (const milestone of milestones) {
    if (milestone.completedAt !== null) continue;
    const upcoming = escalationSchedule(milestone.dueDate, policy).find((at) => at > now);
    if (upcoming !== undefined && (next === null || upcoming < next)) next = upcoming;
  }
  return next;
}

/** A rung a milestone has newly reached: what the ladder announces. */
export interface EscalationStep {
  milestoneId: string;
  level: 1 | 2 | 3;
  audience: EscalationAudience;
}

/**
 * The rungs climbed between the levels already announced and those reached at
 * `now`, lowest first, so that a worker that was down for weeks still
 * announces the owner before the sponsor.
 */
export function escalationSteps(
  milestones: readonly Milestone[],
  announced: Readonly<Record<string, EscalationLevel>>,
  now: number,
  policy: EscalationPolicy,
): EscalationStep[] {
  const steps: EscalationStep[] = [];
  for (const milestone of milestones) {
    const reached = escalationLevel(milestone, now, policy);
    for (let level = (announced[milestone.id] ?? 0) + 1; level <= reached; level += 1) {
      const rung = level as 1 | 2 | 3;
      steps.push({ milestoneId: milestone.id, level: rung, audience: ESCALATION_AUDIENCE[rung] });
    }
  }
  return steps.sort((a, b) => a.level - b.level);
}

/** The highest rung any milestone stands on, with the milestone, or null when nothing is late. */
export function currentEscalation(
  milestones: readonly Milestone[],
  announced: Readonly<Record<string, EscalationLevel>>,
): { milestoneId: string; level: 1 | 2 | 3; audience: EscalationAudience } | null {
  let top: { milestoneId: string; level: 1 | 2 | 3; audience: EscalationAudience } | null = null;
  for (const milestone of milestones) {
    const level = milestone.completedAt === null ? (announced[milestone.id] ?? 0) : 0;
    if (level > 0 && (top === null || level > top.level)) {
      const rung = level as 1 | 2 | 3;
      top = { milestoneId: milestone.id, level: rung, audience: ESCALATION_AUDIENCE[rung] };
    }
  }
  return top;
}
