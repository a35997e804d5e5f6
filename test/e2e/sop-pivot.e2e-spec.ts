import { sopCycleWorkflowId } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativePeople } from '../support/initiative-walk';
import { RunningService, startService } from '../support/running-service';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
const chair: Person = { id: `chair-${randomUUID()}`, roles: ['sponsor'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// A program short of budget: the executive S&OP approves the proposed pivot,
// and the initiatives service shows the initiatives held and resumed by it.
describe('a portfolio pivot decided at the executive S&OP', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let worker: RunningWorkflowWorker;

  beforeAll(async () => {
    [plans, initiatives] = await Promise.all([startService('plans'), startService('initiatives')]);
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready()]);
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close()]);
  });

  const plansAs = (person: Person | null) => apiAs(plans.baseUrl, person);

  it('ranks the program’s initiatives against its capacity and, once approved, holds and resumes their lifecycles', async () => {
    const create = async (name: string, kind: string, parentId?: string) =>
      (await plansAs(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) })).body.id as string;
    const organization = await create(`Acme ${randomUUID().slice(0, 6)}`, 'organization');
    const unit = await create('Operations', 'business_unit', organization);
    const program = await create('Plant modernisation', 'program', unit);
    const people = initiativePeople();

    const initiative = async (title: string, amount: number) =>
      (
        await eventually(
          () =>
            apiAs(initiatives.baseUrl, people.owner).post('/api/initiatives', {
              title,
              programId: program,
              ownerId: people.owner.id,
              sponsorId: people.sponsor.id,
              category: 'cost',
              measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-06', amount }] }],
              milestones: [],
            }),
          (answer) => answer.status === 201,
          { what: 'the initiatives service to learn the program' },
        )
      ).body.id as string;
    const robots = await initiative('Welding robots', 500_000);
    const press = await initiative('Second press line', 300_000);
    const lighting = await initiative('LED lighting', 50_000);
    const held = await apiAs(initiatives.baseUrl, people.sponsor).post(`/api/initiatives/${lighting}/hold`, { reason: 'waiting for the electrician' });
    expect(held.status).toBe(200);

    // Budget for robots or the press line, not both; lighting fits beside the robots.
    await plansAs(admin).put(`/api/org-nodes/${program}/sop-policy`, {
      valueThreshold: { absolute: 1_000_000, percent: 0.05 },
      volumeThreshold: { absolute: 100, percent: 0.05 },
      pivotCapacity: { budget: 100_000, fte: 3 },
    });
    for (const [id, needs] of [
      [robots, { budget: 60_000, fte: 2 }],
      [press, { budget: 60_000, fte: 1 }],
      [lighting, { budget: 10_000, fte: 1 }],
    ] as const) {
      expect((await plansAs(pmo).put(`/api/initiative-resources/${id}`, needs)).status).toBeLessThan(300);
    }
    await eventually(
      () => plans.dataSource.query(`SELECT initiative_id, status FROM plans.portfolio_initiative WHERE program_id = $1`, [program]),
      (rows: { initiative_id: string; status: string }[]) => rows.length === 3 && rows.some((row) => row.initiative_id === lighting && row.status === 'on_hold'),
      { what: 'the portfolio to know the three initiatives and the hold', timeoutMs: 120_000, intervalMs: 250 },
    );

    const owners = { data_gathering: pmo.id, demand_review: pmo.id, supply_review: pmo.id, pre_sop: pmo.id, executive_sop: chair.id };
    expect((await plansAs(admin).put(`/api/org-nodes/${organization}/sop-cycle-setup`, { owners })).status).toBe(201);
    const cycle = await plansAs(pmo).post('/api/sop-cycles', { orgNodeId: organization, period: '2027-06' });
    expect(cycle.status).toBe(201);
    const cycleId = encodeURIComponent(sopCycleWorkflowId(organization, '2027-06'));
    for (const step of ['data_gathering', 'demand_review', 'supply_review', 'pre_sop']) {
      expect((await plansAs(pmo).post(`/api/sop-cycles/${cycleId}/steps/${step}/completion`, {})).status).toBe(200);
    }

    const agenda = await plansAs(viewer).get(`/api/sop-cycles/${cycleId}/agenda`);
    expect(agenda.body.pivots.map((pivot: { initiativeId: string; move: string }) => [pivot.initiativeId, pivot.move])).toEqual([
      [robots, 'accelerate'],
      [press, 'hold'],
      [lighting, 'resume'],
    ]);

    const decided = await plansAs(chair).post(`/api/sop-cycles/${cycleId}/decisions`, {
      kind: 'approve_pivot',
      subject: program,
      rationale: 'the robots pay back first; the press line waits for next year’s budget',
    });
    expect(decided).toMatchObject({ status: 201, body: { decidedBy: chair.id, outcome: [`hold ${press}`, `resume ${lighting}`] } });

    const statusOf = (id: string) => apiAs(initiatives.baseUrl, viewer).get(`/api/initiatives/${id}`);
    await eventually(() => statusOf(press), (answer) => answer.body.status === 'on_hold', { what: 'the press line to be held' });
    await eventually(() => statusOf(lighting), (answer) => answer.body.status === 'on_track', { what: 'the lighting to be resumed' });
    expect((await statusOf(robots)).body.status).toBe('on_track');
    const audit = await apiAs(initiatives.baseUrl, viewer).get(`/api/initiatives/${press}/audit`);
    const entries = Array.isArray(audit.body) ? audit.body : audit.body.entries;
    expect(entries).toContainEqual(expect.objectContaining({ action: 'held', actorId: chair.id, reason: expect.stringContaining(decided.body.decisionId) }));
  });
});
