import { hasEvidence, type Evidence } from './evidence';
import type { Actor } from './actor';
import { checkGateSubmitter } from './decision-rights';
import { gateTitle, isGateTarget, unmetGateCriteria, type GateContext } from './gate-criteria';
import type { GateRequest } from './gate-request';
import { checkGatesUnblocked, checkOpen, type InitiativeFacts } from './initiative-facts';
import { conflict, unprocessable, type RuleViolation } from './rule-violation';

/**
 * Whether the owner may submit a request for `targetStage` now: the next
 * stage only, never stage 5 (closure has its own path), one pending request at
 * a time, not on hold, and every criterion of the gate met (all unmet ones
 * are named together).
 */
export function checkGateSubmission(
  actor: Actor,
  facts: InitiativeFacts,
  targetStage: number,
  evidence: Evidence,
  pending: GateRequest | undefined,
  context: GateContext,
): RuleViolation | null {
  const right = checkGateSubmitter(actor, facts);
  if (right) return right;
  const closed = checkOpen(facts);
  if (closed) return closed;
  const blocked = checkGatesUnblocked(facts);
  if (blocked) return blocked;
  if (targetStage === 5) {
    return conflict('stage 5 (Closed) is never requested as a gate; request closure, and finance confirmation closes it');
  }
  if (targetStage !== facts.stage + 1 || !isGateTarget(targetStage)) {
    return conflict(`the initiative is at stage ${facts.stage}; the next gate is to stage ${facts.stage + 1}, not ${targetStage}`);
  }
  if (pending) return conflict(`gate request ${pending.id} to stage ${pending.targetStage} is still pending`);
  const unmet = unmetGateCriteria(facts, targetStage, context);
  if (!hasEvidence(evidence)) unmet.push('the request needs evidence: a statement of what was done');
  return unmet.length > 0 ? unprocessable(`${gateTitle(targetStage)} is not met: ${unmet.join('; ')}`, unmet) : null;
}
