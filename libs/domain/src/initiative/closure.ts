import type { Actor } from './actor';
import { checkOpen, type InitiativeFacts } from './initiative-facts';
import { conflict, forbidden, unprocessable, type RuleViolation } from './rule-violation';

/** none → pending_confirmation → closed, or → rejected (the owner may ask again). */
export type ClosureState = 'none' | 'pending_confirmation' | 'closed' | 'rejected';

/** A controller's confirmation of realized value, as finance reports it. */
export interface ValueConfirmation {
  confirmationId: string;
  period: string;
  amount: number;
  currency: string;
  controllerId: string;
  reference: string;
  confirmedAt: string;
}

/** A controller's refusal to confirm, which ends a pending closure request. */
export interface ConfirmationRejection {
  confirmationId: string;
  controllerId: string;
  reason: string;
  rejectedAt: string;
}

/** The owner asks for closure once the initiative is implemented (stage 4) and no request is pending. */
export function checkClosureRequest(actor: Actor, facts: InitiativeFacts, closure: ClosureState): RuleViolation | null {
  if (actor.id !== facts.ownerId) return forbidden("requesting closure requires being the initiative's owner");
  const closed = checkOpen(facts);
  if (closed) return closed;
  if (facts.onHold) return conflict('the initiative is on hold; resume it first');
  if (facts.stage !== 4) return conflict(`closure can be requested from stage 4 (Implemented); the initiative is at stage ${facts.stage}`);
  if (closure === 'pending_confirmation') return conflict('closure is already pending confirmation by finance');
  return null;
}

/**
 * Finance's independence: a controller who owns or sponsors the initiative
 * may neither confirm its value nor reject its closure.
 */
export function confirmerProblem(controllerId: string, parties: Pick<InitiativeFacts, 'ownerId' | 'sponsorId'>, act: 'confirming value' | 'rejecting a closure' = 'confirming value'): RuleViolation | null {
  return controllerId === parties.ownerId || controllerId === parties.sponsorId ? forbidden(`${act} requires a controller who neither owns nor sponsors the initiative`) : null;
}

/**
 * A confirmation counts only from a controller who neither owns nor sponsors
 * the initiative, in the initiative's currency, for a whole non-negative amount.
 */
export function checkConfirmation(
  confirmation: ValueConfirmation,
  facts: Pick<InitiativeFacts, 'ownerId' | 'sponsorId' | 'currency'>,
): RuleViolation | null {
  const independence = confirmerProblem(confirmation.controllerId, facts);
  if (independence) return independence;
  if (confirmation.currency !== facts.currency) {
    return unprocessable(`the confirmation is in ${confirmation.currency}; the initiative's values are in ${facts.currency}`);
  }
  if (!Number.isSafeInteger(confirmation.amount) || confirmation.amount < 0) {
    return unprocessable('a confirmed amount must be a whole, non-negative number of minor units');
  }
  return null;
}

/** Closure completes when finance has confirmed value: at once if it already has, else when it does. */
export function isValueConfirmed(confirmations: readonly Pick<ValueConfirmation, 'confirmationId'>[]): boolean {
  return confirmations.length > 0;
}
