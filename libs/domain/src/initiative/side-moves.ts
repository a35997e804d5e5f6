import type { Actor } from './actor';
import { hasRole } from './actor';
import { checkOpen, type InitiativeFacts } from './initiative-facts';
import { conflict, forbidden, unprocessable, type RuleViolation } from './rule-violation';

/** The moves beside the gates: the sponsor's hold, resume and cancel, the PMO's rollback of one stage. */
export type SideMove = 'hold' | 'resume' | 'cancel' | 'rollback';

/** A hold or resume the executive S&OP decided when it approved a portfolio pivot. */
export interface PortfolioMove {
  decisionId: string;
  move: 'hold' | 'resume';
  decidedBy: string;
  reason: string;
}

function needsReason(reason: string, move: SideMove): RuleViolation | null {
  return reason.trim() ? null : unprocessable(`a reason is required to ${move === 'rollback' ? 'roll back' : move} an initiative`);
}

export function checkSideMove(move: SideMove, actor: Actor, facts: InitiativeFacts, reason: string): RuleViolation | null {
  if (move === 'rollback') {
    if (!hasRole(actor, 'pmo')) return forbidden("rolling back a stage requires the role 'pmo'");
  } else if (actor.id !== facts.sponsorId) {
    return forbidden(`to ${move} an initiative requires being its sponsor`);
  }
  const closed = checkOpen(facts);
  if (closed) return closed;
  switch (move) {
    case 'hold':
      if (facts.onHold) return conflict('the initiative is already on hold');
      break;
    case 'resume':
      if (!facts.onHold) return conflict('the initiative is not on hold');
      break;
    case 'rollback':
      if (facts.stage === 0) return conflict('the initiative is at stage 0; there is no stage to roll back to');
      break;
    case 'cancel':
      break;
  }
  return needsReason(reason, move);
}

/**
 * A hold or resume decided at the executive S&OP (an approved portfolio
 * pivot): the meeting's authority stands in for the sponsor's, but the
 * initiative must still be open and the move must change something.
 */
export function checkPortfolioMove(move: 'hold' | 'resume', facts: InitiativeFacts): RuleViolation | null {
  const closed = checkOpen(facts);
  if (closed) return closed;
  if (move === 'hold' && facts.onHold) return conflict('the initiative is already on hold');
  if (move === 'resume' && !facts.onHold) return conflict('the initiative is not on hold');
  return null;
}
