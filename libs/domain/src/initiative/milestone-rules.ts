import type { Actor } from './actor';
import { hasEvidence, type Evidence } from './evidence';
import { checkOpen, type InitiativeFacts } from './initiative-facts';
import { isDueDate, lateFrom, type Milestone } from './milestone';
import { conflict, forbidden, notFound, unprocessable, type RuleViolation } from './rule-violation';

function findMilestone(facts: InitiativeFacts, milestoneId: string): Milestone | RuleViolation {
  return facts.milestones.find((milestone) => milestone.id === milestoneId) ?? notFound(`milestone ${milestoneId} not found`);
}

/** The owner completes an open milestone, with evidence. */
export function checkMilestoneCompletion(actor: Actor, facts: InitiativeFacts, milestoneId: string, evidence: Evidence): RuleViolation | null {
  const milestone = findMilestone(facts, milestoneId);
  if ('kind' in milestone) return milestone;
  if (actor.id !== facts.ownerId) return forbidden("completing a milestone requires being the initiative's owner");
  const closed = checkOpen(facts);
  if (closed) return closed;
  if (milestone.completedAt !== null) return conflict(`milestone '${milestone.title}' was already completed on ${milestone.completedAt}`);
  if (!hasEvidence(evidence)) return unprocessable('completing a milestone needs evidence: a statement of what was delivered');
  return null;
}

/**
 * Re-planning a due date is a change the sponsor approves, with a reason,
 * to a day not yet passed; it restarts the milestone's escalation.
 */
export function checkMilestoneReplan(
  actor: Actor,
  facts: InitiativeFacts,
  milestoneId: string,
  dueDate: string,
  reason: string,
  now: number,
): RuleViolation | null {
  const milestone = findMilestone(facts, milestoneId);
  if ('kind' in milestone) return milestone;
  if (actor.id !== facts.sponsorId) return forbidden("re-planning a milestone requires being the initiative's sponsor");
  const closed = checkOpen(facts);
  if (closed) return closed;
  if (milestone.completedAt !== null) return conflict(`milestone '${milestone.title}' is already completed`);
  const unmet: string[] = [];
  if (!isDueDate(dueDate)) unmet.push(`'${dueDate}' is not a YYYY-MM-DD date`);
  else if (lateFrom(dueDate) <= now) unmet.push(`the new due date ${dueDate} has already passed`);
  if (!reason.trim()) unmet.push('a reason is required to re-plan a milestone');
  return unmet.length > 0 ? unprocessable(`the milestone cannot be re-planned: ${unmet.join('; ')}`, unmet) : null;
}
