import type { GateKey } from '@tollgate/domain';
import type { GateView, InitiativeView } from '@tollgate/contracts/views';
import { mayCompleteMilestone, mayConfirm, mayDecide, mayReplanMilestone, mayRequestClosure, mayRequestGate, sideMovesFor } from './initiative-rights';

const initiative = { ownerId: 'olivia', sponsorId: 'sam', controllerId: 'cleo', stage: 2, status: 'on_track', gates: [], closure: { state: 'none', reason: null } } as unknown as InitiativeView;
const gate = (missingKeySlots: GateKey[][], submittedBy = 'olivia') => ({ state: 'pending', submittedBy, missingKeySlots }) as unknown as GateView;

describe('what the page offers a person', () => {
  it('offers the next gate to the owner alone, and not while a request is pending', () => {
    expect(mayRequestGate({ sub: 'olivia', roles: ['owner'] }, initiative)).toBe(true);
    expect(mayRequestGate({ sub: 'sam', roles: ['sponsor'] }, initiative)).toBe(false);
    expect(mayRequestGate({ sub: 'olivia', roles: ['owner'] }, { ...initiative, gates: [gate([])] })).toBe(false);
  });

  it('offers a decision to a holder of a missing key, never to the submitter: keys as data, however the words read', () => {
    const stage3 = gate([['sponsor'], ['controller']]);
    expect(mayDecide({ sub: 'sam', roles: ['sponsor'] }, initiative, stage3)).toBe(true);
    expect(mayDecide({ sub: 'cleo', roles: ['controller'] }, initiative, stage3)).toBe(true);
    expect(mayDecide({ sub: 'pat', roles: ['pmo'] }, initiative, stage3)).toBe(false);
    expect(mayDecide({ sub: 'pat', roles: ['pmo'] }, initiative, gate([['sponsor', 'pmo']]))).toBe(true);
    expect(mayDecide({ sub: 'sam', roles: ['sponsor'] }, initiative, gate([['sponsor']], 'sam'))).toBe(false);
  });

  it('offers closure to the owner at stage 4, and confirmation to a controller who is no party', () => {
    expect(mayRequestClosure({ sub: 'olivia', roles: ['owner'] }, { ...initiative, stage: 4 })).toBe(true);
    expect(mayRequestClosure({ sub: 'olivia', roles: ['owner'] }, { ...initiative, stage: 4, closure: { ...initiative.closure, state: 'pending_confirmation' } })).toBe(false);
    expect(mayConfirm({ sub: 'cleo', roles: ['controller'] }, { ...initiative, stage: 4 })).toBe(true);
    expect(mayConfirm({ sub: 'sam', roles: ['controller'] }, { ...initiative, stage: 4 })).toBe(false);
    // Finance takes a confirmation at any stage: the page invents no rule of its own.
    expect(mayConfirm({ sub: 'cleo', roles: ['controller'] }, { ...initiative, stage: 1 })).toBe(true);
  });

  it('offers an open milestone to the owner of an open initiative only', () => {
    const open = { ...initiative, milestones: [{ id: 'm1', title: 'Dock open', dueDate: '2027-01-31', completedAt: null, completedBy: null, evidence: null }] };
    expect(mayCompleteMilestone({ sub: 'olivia', roles: ['owner'] }, open)).toBe(true);
    expect(mayCompleteMilestone({ sub: 'sam', roles: ['sponsor'] }, open)).toBe(false);
    expect(mayCompleteMilestone({ sub: 'olivia', roles: ['owner'] }, { ...open, status: 'closed' })).toBe(false);
    expect(mayCompleteMilestone({ sub: 'olivia', roles: ['owner'] }, { ...open, milestones: [{ ...open.milestones[0], completedAt: '2026-12-01T00:00:00Z' }] })).toBe(false);
  });

  it('offers the sponsor hold or resume and cancel, a PMO the rollback, and nobody anything on a closed initiative', () => {
    expect(sideMovesFor({ sub: 'sam', roles: ['sponsor'] }, initiative)).toEqual(['hold', 'cancel']);
    expect(sideMovesFor({ sub: 'sam', roles: ['sponsor'] }, { ...initiative, status: 'on_hold' })).toEqual(['resume', 'cancel']);
    expect(sideMovesFor({ sub: 'pat', roles: ['pmo'] }, initiative)).toEqual(['rollback']);
    expect(sideMovesFor({ sub: 'pat', roles: ['pmo'] }, { ...initiative, stage: 0 })).toEqual([]);
    expect(sideMovesFor({ sub: 'olivia', roles: ['owner'] }, initiative)).toEqual([]);
    expect(sideMovesFor({ sub: 'sam', roles: ['sponsor'] }, { ...initiative, status: 'closed' })).toEqual([]);
  });

  it('offers the re-planning of an open milestone to the sponsor alone', () => {
    const open = { ...initiative, milestones: [{ id: 'm1', title: 'Dock open', dueDate: '2027-01-31', completedAt: null, completedBy: null, evidence: null }] };
    expect(mayReplanMilestone({ sub: 'sam', roles: ['sponsor'] }, open)).toBe(true);
    expect(mayReplanMilestone({ sub: 'olivia', roles: ['owner'] }, open)).toBe(false);
  });
});
