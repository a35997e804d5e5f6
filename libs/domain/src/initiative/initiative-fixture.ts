import type { Actor } from './actor';
import type { GateRequest } from './gate-request';
import type { InitiativeFacts } from './initiative-facts';

// Shared by the specs of this folder: a stage-2-ready initiative and its people.
export const OWNER: Actor = { id: 'olivia', roles: ['owner'] };
export const SPONSOR: Actor = { id: 'sam', roles: ['sponsor'] };
export const CONTROLLER: Actor = { id: 'cleo', roles: ['controller'] };
export const PMO: Actor = { id: 'pat', roles: ['pmo'] };
export const VIEWER: Actor = { id: 'vic', roles: ['viewer'] };

export function factsFixture(overrides: Partial<InitiativeFacts> = {}): InitiativeFacts {
  return {
    title: 'Consolidate freight carriers',
    programId: 'program-1',
    ownerId: OWNER.id,
    sponsorId: SPONSOR.id,
    controllerId: CONTROLLER.id,
    category: 'logistics',
    currency: 'EUR',
    stage: 0,
    onHold: false,
    cancelled: false,
    measures: [
      {
        id: 'm1',
        name: 'Carrier rates',
        category: 'cost',
        plannedValues: [
          { period: '2027-01', amount: 100_000 },
          { period: '2027-02', amount: 150_000 },
        ],
        forecastValues: [],
      },
    ],
    oneTimeCosts: [{ period: '2026-12', amount: 20_000 }],
    milestones: [{ id: 'ms1', title: 'Tender sent', dueDate: '2027-01-31', completedAt: null, completedBy: null, evidence: null }],
    ...overrides,
  };
}

export function requestFixture(overrides: Partial<GateRequest> = {}): GateRequest {
  return {
    id: 'g1',
    targetStage: 1,
    evidence: { text: 'done', links: [] },
    submittedBy: OWNER.id,
    submittedAt: '2026-11-01T00:00:00.000Z',
    state: 'pending',
    approvals: [],
    rejection: null,
    decidedAt: null,
    ...overrides,
  };
}
