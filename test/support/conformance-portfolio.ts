import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { apiAs, type HttpAnswer, type Person } from './http-client';
import type { RunningService } from './running-service';

/** One person a role: the seeded initiatives name them, so each role's token acts on real data. */
export const CONFORMANCE_PEOPLE = {
  admin: { id: 'conformance-admin', roles: ['admin'] },
  pmo: { id: 'conformance-pmo', roles: ['pmo'] },
  owner: { id: 'conformance-owner', roles: ['owner'] },
  sponsor: { id: 'conformance-sponsor', roles: ['sponsor'] },
  controller: { id: 'conformance-controller', roles: ['controller'] },
  viewer: { id: 'conformance-viewer', roles: ['viewer'] },
} satisfies Record<string, Person>;

/** The ids a small portfolio gives, for the path and query parameters of each service. */
export interface ConformancePortfolio {
  organizationId: string;
  programId: string;
  scenarioId: string;
  cycleId: string;
  initiativeIds: string[];
  gateRequestId: string;
  milestoneId: string;
  confirmationId: string;
}

function ok(answer: HttpAnswer, what: string): HttpAnswer {
  if (answer.status >= 300) throw new Error(`seeding: ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

/**
 * Seeds through the public APIs, as people would: organization > business
 * unit > program with a plan of record, a scenario and an S&OP cycle, two initiatives under
 * the program (one with a pending gate request), and a confirmation.
 */
export async function seedConformancePortfolio(plans: RunningService, initiatives: RunningService, finance: RunningService): Promise<ConformancePortfolio> {
  const people = CONFORMANCE_PEOPLE;
  const admin = apiAs(plans.baseUrl, people.admin);
  const node = async (name: string, kind: string, parentId?: string) => ok(await admin.post('/api/org-nodes', { name, kind, parentId }), `node ${name}`).body.id as string;
  const organizationId = await node(`Conformance ${randomUUID().slice(0, 8)}`, 'organization');
  const programId = await node('Conformance program', 'program', await node('Conformance unit', 'business_unit', organizationId));
  ok(
    await admin.put(`/api/org-nodes/${programId}/plan`, {
      targets: [{ period: '2027-03', amount: 500_000 }],
      demand: [{ family: 'bikes', period: '2027-03', volume: 120 }],
      capacity: [{ family: 'bikes', period: '2027-03', volume: 100 }],
    }),
    'plan',
  );
  const scenarioId = ok(await admin.post(`/api/org-nodes/${programId}/scenarios`, { name: 'Second shift' }), 'scenario').body.id as string;
  const stepOwner = people.pmo.id;
  const owners = { data_gathering: stepOwner, demand_review: stepOwner, supply_review: stepOwner, pre_sop: stepOwner, executive_sop: people.admin.id };
  ok(await admin.put(`/api/org-nodes/${programId}/sop-cycle-setup`, { owners }), 'S&OP setup');
  const cycleId = ok(await admin.post('/api/sop-cycles', { orgNodeId: programId, period: '2027-03' }), 'S&OP cycle').body.id as string;

  const owner = apiAs(initiatives.baseUrl, people.owner);
  const create = (title: string) =>
    owner.post('/api/initiatives', {
      title,
      programId,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      controllerId: people.controller.id,
      category: 'cost',
      measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: 250_000 }] }],
      milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
    });
  // The initiatives service learns the program from the plans service's event.
  const first = await eventually(() => create('Consolidate carriers'), (answer) => answer.status === 201, { what: 'the initiatives service to learn the program' });
  const second = ok(await create('Renegotiate warehousing'), 'second initiative');
  const initiativeIds = [first.body.id as string, second.body.id as string];
  const gate = ok(await owner.post(`/api/initiatives/${initiativeIds[0]}/gate-requests`, { targetStage: 1, evidence: { text: 'named', links: [] } }), 'gate request');
  const milestoneId = ok(await owner.get(`/api/initiatives/${initiativeIds[0]}`), 'initiative').body.milestones[0].id as string;

  const controller = apiAs(finance.baseUrl, people.controller);
  const confirmationId = `conformance-${randomUUID()}`;
  await eventually(
    () => controller.post('/api/confirmations', { confirmationId, initiativeId: initiativeIds[1], period: '2027-03', amount: 1000, currency: 'EUR', reference: 'GL 2027-03' }),
    (answer) => answer.status === 201 || answer.status === 200,
    { what: 'finance to learn the initiative', timeoutMs: 120_000 },
  );
  return { organizationId, programId, scenarioId, cycleId, initiativeIds, gateRequestId: gate.body.id as string, milestoneId, confirmationId };
}
