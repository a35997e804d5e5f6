import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { RunningService, startService } from '../support/running-service';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// The hierarchy in plans, two initiatives under one of its programs (one
// closed on confirmed value), and the portfolio summary at the top, fed only
// by the other services' events.
describe('the portfolio summary of an organization', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let finance: RunningService;
  let worker: RunningWorkflowWorker;

  beforeAll(async () => {
    [plans, initiatives, finance] = await Promise.all([startService('plans'), startService('initiatives'), startService('finance')]);
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready(), finance.ready()]);
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close(), finance?.close()]);
  });

  const plansAs = (person: Person | null) => apiAs(plans.baseUrl, person);

  it('shows both initiatives, with planned, forecast and confirmed kept apart', async () => {
    const create = async (name: string, kind: string, parentId?: string) =>
      (await plansAs(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) })).body.id as string;
    const organization = await create(`Acme ${randomUUID().slice(0, 6)}`, 'organization');
    const unit = await create('Operations', 'business_unit', organization);
    const program = await create('Network footprint', 'program', unit);
    const people = initiativePeople();

    const early = await eventually(
      () =>
        apiAs(initiatives.baseUrl, people.owner).post('/api/initiatives', {
          title: 'Shared warehouse in Lyon',
          programId: program,
          ownerId: people.owner.id,
          sponsorId: people.sponsor.id,
          category: 'cost',
          measures: [{ name: 'Rent', category: 'opex', plannedValues: [{ period: '2027-09', amount: 80_000 }] }],
          milestones: [],
        }),
      (answer) => answer.status === 201,
      { what: 'the initiatives service to learn the program' },
    );
    const closedId = await initiativeAtStage4(initiatives.baseUrl, program, people, { plannedAmount: 250_000 });
    await eventually(
      () => apiAs(finance.baseUrl, people.controller).get(`/api/initiatives/${closedId}/ledger`),
      (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation',
      { what: 'finance to learn of the pending closure', timeoutMs: 300_000, intervalMs: 250 },
    );
    const confirmed = await apiAs(finance.baseUrl, people.controller).post('/api/confirmations', {
      confirmationId: `GL-${randomUUID()}`,
      initiativeId: closedId,
      period: '2027-03',
      amount: 230_000,
      currency: 'EUR',
      reference: 'GL 2027-03',
    });
    expect(confirmed.status).toBe(201);

    const summary = await eventually(
      async () => (await plansAs(viewer).get(`/api/portfolio/summary?orgNodeId=${organization}`)).body,
      (body) => body.total?.count === 2 && body.byStage?.[5]?.count === 1 && body.total.confirmed === 230_000,
      { what: 'the portfolio to show both initiatives and the confirmed value', timeoutMs: 300_000, intervalMs: 250 },
    );
    expect(summary).toEqual({
      orgNodeId: organization,
      currency: 'EUR',
      total: { count: 2, planned: 330_000, forecast: 250_000, confirmed: 230_000 },
      byStage: [
        { stage: 0, count: 1, planned: 80_000, forecast: 0, confirmed: 0 },
        { stage: 1, count: 0, planned: 0, forecast: 0, confirmed: 0 },
        { stage: 2, count: 0, planned: 0, forecast: 0, confirmed: 0 },
        { stage: 3, count: 0, planned: 0, forecast: 0, confirmed: 0 },
        { stage: 4, count: 0, planned: 0, forecast: 0, confirmed: 0 },
        { stage: 5, count: 1, planned: 250_000, forecast: 250_000, confirmed: 230_000 },
      ],
    });
    expect(early.body.stage).toBe(0);
    // The same figures from the business unit; nothing from a sibling organization.
    expect((await plansAs(viewer).get(`/api/portfolio/summary?orgNodeId=${unit}`)).body.total).toEqual(summary.total);
  });

  it("answers the summary route's errors", async () => {
    expect((await plansAs(null).get(`/api/portfolio/summary?orgNodeId=${randomUUID()}`)).status).toBe(401);
    expect((await plansAs(viewer).get('/api/portfolio/summary')).status).toBe(400);
    expect((await plansAs(viewer).get(`/api/portfolio/summary?orgNodeId=${randomUUID()}&currency=euro`)).status).toBe(400);
    expect((await plansAs(viewer).get(`/api/portfolio/summary?orgNodeId=${randomUUID()}`)).status).toBe(404);
  });
});
