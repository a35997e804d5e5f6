import type { Stage } from '../stage';
import type { EscalationLevel } from './escalation';

export const INITIATIVE_STATUSES = ['on_track', 'at_risk', 'escalated', 'on_hold', 'cancelled', 'closed'] as const;

/** The status shown beside the stage. */
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export function isInitiativeStatus(value: unknown): value is InitiativeStatus {
  return typeof value === 'string' && (INITIATIVE_STATUSES as readonly string[]).includes(value);
}

/**
 * The status follows from the facts, most decisive first: a closed or
 * cancelled initiative stays so; a hold hides a late milestone; otherwise the
 * highest escalation rung decides (the owner alone: at risk; sponsor or
 * steering committee: escalated).
 */
export function deriveStatus(facts: { stage: Stage; cancelled: boolean; onHold: boolean; escalationLevel: EscalationLevel }): InitiativeStatus {
  if (facts.stage === 5) return 'closed';
  if (facts.cancelled) return 'cancelled';
  if (facts.onHold) return 'on_hold';
  if (facts.escalationLevel >= 2) return 'escalated';
  if (facts.escalationLevel === 1) return 'at_risk';
  return 'on_track';
}
