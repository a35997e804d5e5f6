import { hasRole, type Actor } from './actor';
import { gateTitle, isGateTarget } from './gate-criteria';
import type { GateKey, GateRequest } from './gate-request';
import type { InitiativeFacts } from './initiative-facts';
import { conflict, forbidden, unprocessable, type RuleViolation } from './rule-violation';

/**
 * The keys each gate needs: one list of acceptable keys a slot. Stage 3 is
 * the two-key gate: the sponsor and the controller, in either order.
 */
export const GATE_SLOTS: Record<1 | 2 | 3 | 4, GateKey[][]> = {
  1: [['sponsor']],
  2: [['sponsor', 'pmo']],
  3: [['sponsor'], ['controller']],
  4: [['sponsor', 'pmo']],
};

const KEY_NAMES: Record<GateKey, string> = {
  sponsor: "the initiative's sponsor",
  controller: "the initiative's controller",
  pmo: 'a PMO user',
};

type Parties = Pick<InitiativeFacts, 'ownerId' | 'sponsorId' | 'controllerId'>;

/** The keys a person holds for this initiative. */
export function keysHeldBy(actor: Actor, parties: Parties): GateKey[] {
  const keys: GateKey[] = [];
  if (actor.id === parties.sponsorId) keys.push('sponsor');
  if (parties.controllerId !== null && actor.id === parties.controllerId) keys.push('controller');
  if (hasRole(actor, 'pmo')) keys.push('pmo');
  return keys;
}

/** The keys a gate to `targetStage` needs, one list of acceptable keys a slot; none for a stage no gate leads to. */
export function gateSlots(targetStage: number): GateKey[][] {
  return isGateTarget(targetStage) ? GATE_SLOTS[targetStage] : [];
}

function slotsOf(request: Pick<GateRequest, 'targetStage'>): GateKey[][] {
  return gateSlots(request.targetStage);
}

function describeSlots(slots: GateKey[][]): string {
  return slots.map((slot) => slot.map((key) => KEY_NAMES[key]).join(' or ')).join(', and ');
}

/** Only the owner submits gate requests. */
export function checkGateSubmitter(actor: Actor, parties: Parties): RuleViolation | null {
  return actor.id === parties.ownerId ? null : forbidden("submitting a gate request requires being the initiative's owner");
}

/**
 * Whether `actor` may decide the request now, and with which slot and key.
 * Nobody decides a request they submitted; a key already turned is a
 * conflict. Any holder of one of the gate's keys may reject, even after
 * another key approved.
 */
export function gateDecisionRight(
  request: GateRequest,
  actor: Actor,
  parties: Parties,
  approve: boolean,
): { slot: number; key: GateKey } | RuleViolation {
  const slots = slotsOf(request);
  const held = keysHeldBy(actor, parties);
  if (!slots.some((slot) => slot.some((key) => held.includes(key)))) {
    return forbidden(`deciding ${gateTitle(request.targetStage)} requires ${describeSlots(slots)}`);
  }
  if (actor.id === request.submittedBy) {
    return forbidden('deciding a gate request requires not having submitted it yourself');
  }
  if (request.state !== 'pending') {
    return conflict(`gate request ${request.id} is already ${request.state}`);
  }
  if (!approve) {
    const slot = slots.findIndex((keys) => keys.some((key) => held.includes(key)));
    return { slot, key: slots[slot].find((key) => held.includes(key))! };
  }
  if (request.approvals.some((approval) => approval.by === actor.id)) {
    return conflict(`you have already approved gate request ${request.id}; the other key is still missing`);
  }
  for (const [slot, keys] of slots.entries()) {
    if (request.approvals.some((approval) => approval.slot === slot)) continue;
    const key = keys.find((candidate) => held.includes(candidate));
    if (key) return { slot, key };
  }
  return conflict(`the key you hold for gate request ${request.id} has already been turned`);
}

/** A rejection says why; an approval may stay silent. */
export function checkDecisionReason(approve: boolean, comment: string): RuleViolation | null {
  return approve || comment.trim() ? null : unprocessable('rejecting a gate request needs a reason in comment');
}

/** The request is approved once every slot of its gate holds an approval. */
export function isFullyApproved(request: GateRequest): boolean {
  return slotsOf(request).every((_, slot) => request.approvals.some((approval) => approval.slot === slot));
}

/** The slots of a pending request not yet approved, each as the keys that would fill it: the rule as data. */
export function missingKeySlots(request: Pick<GateRequest, 'targetStage' | 'approvals'>): GateKey[][] {
  return slotsOf(request).filter((_, slot) => !request.approvals.some((approval) => approval.slot === slot));
}

/** The keys still missing from a pending request, named for people. */
export function missingKeys(request: Pick<GateRequest, 'targetStage' | 'approvals'>): string[] {
  return missingKeySlots(request).map((keys) => keys.map((key) => KEY_NAMES[key]).join(' or '));
}

/**
 * Whom a decision on a pending request is offered to: a holder of a key one
 * of its missing slots takes, who did not submit it. The same rule as
 * gateDecisionRight, from what a page is shown.
 */
export function mayDecideGate(actor: Actor, parties: Parties, request: { state: GateRequest['state']; submittedBy: string; missingKeySlots: readonly GateKey[][] }): boolean {
  if (request.state !== 'pending' || request.submittedBy === actor.id) return false;
  const held = keysHeldBy(actor, parties);
  return request.missingKeySlots.some((slot) => slot.some((key) => held.includes(key)));
}
