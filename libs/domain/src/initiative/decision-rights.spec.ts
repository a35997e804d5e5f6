import { checkDecisionReason, gateDecisionRight, isFullyApproved, mayDecideGate, missingKeys, missingKeySlots } from './decision-rights';
import type { GateRequest } from './gate-request';
import { CONTROLLER, factsFixture, OWNER, PMO, requestFixture, SPONSOR, VIEWER } from './initiative-fixture';

const parties = factsFixture();

function approve(request: GateRequest, by: string, slot: number): GateRequest {
  return { ...request, approvals: [...request.approvals, { slot, key: 'sponsor', by, at: '2026-11-02T00:00:00Z', comment: '' }] };
}

describe('decision rights', () => {
  it('stage 1 is decided by the sponsor alone', () => {
    const request = requestFixture({ targetStage: 1 });
    expect(gateDecisionRight(request, SPONSOR, parties, true)).toEqual({ slot: 0, key: 'sponsor' });
    expect(gateDecisionRight(request, PMO, parties, true)).toMatchObject({
      kind: 'forbidden',
      message: "deciding the gate to stage 1 (Identified) requires the initiative's sponsor",
    });
    expect(gateDecisionRight(request, CONTROLLER, parties, true)).toMatchObject({ kind: 'forbidden' });
  });

  it('stages 2 and 4 are decided by the sponsor or a PMO user', () => {
    for (const targetStage of [2, 4] as const) {
      const request = requestFixture({ targetStage });
      expect(gateDecisionRight(request, SPONSOR, parties, true)).toEqual({ slot: 0, key: 'sponsor' });
      expect(gateDecisionRight(request, PMO, parties, true)).toEqual({ slot: 0, key: 'pmo' });
      expect(gateDecisionRight(request, CONTROLLER, parties, true)).toMatchObject({ kind: 'forbidden' });
      expect(gateDecisionRight(request, VIEWER, parties, true)).toMatchObject({ kind: 'forbidden' });
    }
  });

  it('stage 3 needs two keys, the sponsor and the controller, in either order; a PMO user holds neither', () => {
    const request = requestFixture({ targetStage: 3 });
    expect(gateDecisionRight(request, PMO, parties, true)).toMatchObject({
      kind: 'forbidden',
      message: "deciding the gate to stage 3 (Decided) requires the initiative's sponsor, and the initiative's controller",
    });
    const sponsorFirst = approve(request, SPONSOR.id, 0);
    expect(isFullyApproved(sponsorFirst)).toBe(false);
    expect(missingKeys(sponsorFirst)).toEqual(["the initiative's controller"]);
    expect(gateDecisionRight(sponsorFirst, CONTROLLER, parties, true)).toEqual({ slot: 1, key: 'controller' });
    expect(isFullyApproved(approve(sponsorFirst, CONTROLLER.id, 1))).toBe(true);

    const controllerFirst = approve(request, CONTROLLER.id, 1);
    expect(gateDecisionRight(controllerFirst, SPONSOR, parties, true)).toEqual({ slot: 0, key: 'sponsor' });
    expect(isFullyApproved(approve(controllerFirst, SPONSOR.id, 0))).toBe(true);
  });

  it('a key turned twice is a conflict, not a second approval', () => {
    const request = approve(requestFixture({ targetStage: 3 }), SPONSOR.id, 0);
    expect(gateDecisionRight(request, SPONSOR, parties, true)).toMatchObject({ kind: 'conflict' });
  });

  it('nobody decides a request they submitted, even with the right role', () => {
    const pmoOwned = factsFixture({ ownerId: PMO.id });
    const request = requestFixture({ targetStage: 2, submittedBy: PMO.id });
    expect(gateDecisionRight(request, PMO, pmoOwned, true)).toMatchObject({
      kind: 'forbidden',
      message: 'deciding a gate request requires not having submitted it yourself',
    });
  });

  it('a decided request is a conflict for anyone who could have decided it', () => {
    const request = requestFixture({ state: 'approved' });
    expect(gateDecisionRight(request, SPONSOR, parties, true)).toMatchObject({ kind: 'conflict', message: 'gate request g1 is already approved' });
  });

  it('any key holder may reject, even after the other key approved', () => {
    const request = approve(requestFixture({ targetStage: 3 }), SPONSOR.id, 0);
    expect(gateDecisionRight(request, CONTROLLER, parties, false)).toEqual({ slot: 1, key: 'controller' });
    expect(gateDecisionRight(request, SPONSOR, parties, false)).toEqual({ slot: 0, key: 'sponsor' });
    expect(gateDecisionRight(request, OWNER, parties, false)).toMatchObject({ kind: 'forbidden' });
  });

  it('a rejection needs a reason; an approval may come without one', () => {
    expect(checkDecisionReason(true, '')).toBeNull();
    expect(checkDecisionReason(false, 'volumes are from 2024')).toBeNull();
    expect(checkDecisionReason(false, '  ')).toMatchObject({ kind: 'unprocessable' });
  });

  it('names the missing keys as data, and offers a decision to whom gateDecisionRight would let approve', () => {
    const request = requestFixture({ targetStage: 3 });
    const sponsorFirst = approve(request, SPONSOR.id, 0);
    expect(missingKeySlots(request)).toEqual([['sponsor'], ['controller']]);
    expect(missingKeySlots(sponsorFirst)).toEqual([['controller']]);
    for (const [state, actor] of [[request, SPONSOR], [request, CONTROLLER], [request, PMO], [request, OWNER], [sponsorFirst, SPONSOR], [sponsorFirst, CONTROLLER], [requestFixture({ targetStage: 2 }), PMO]] as const) {
      const offered = mayDecideGate(actor, parties, { ...state, missingKeySlots: missingKeySlots(state) });
      const allowed = !('kind' in gateDecisionRight(state, actor, parties, true));
      expect({ stage: state.targetStage, approvals: state.approvals.length, actor: actor.id, offered }).toEqual({ stage: state.targetStage, approvals: state.approvals.length, actor: actor.id, offered: allowed });
    }
  });
});
