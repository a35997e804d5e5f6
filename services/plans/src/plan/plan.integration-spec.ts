import { OutboxMessage } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { Plan } from './plan.entity';
import { PlanService } from './plan.service';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };

// Plans of record per node and period, actual demand, forecast accuracy, and what-if scenarios promoted by decision.
describe('plans and scenarios', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'] }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  /** A fresh business unit under a fresh organization: each test plans a node of its own. */
  async function businessUnit(): Promise<string> {
    const organization = await as(admin).post('/api/org-nodes', { name: `Acme ${randomUUID().slice(0, 8)}`, kind: 'organization' });
    const unit = await as(admin).post('/api/org-nodes', { name: 'Operations', kind: 'business_unit', parentId: organization.body.id });
    expect(unit.status).toBe(201);
    return unit.body.id;
  }

  const firstPlan = {
    currency: 'USD',
    targets: [
      { period: '2027-02', amount: 1_200_000 },
      { period: '2027-01', amount: 1_000_000 },
    ],
    demand: [
      { family: 'e-bikes', period: '2027-01', volume: 110 },
      { family: 'e-bikes', period: '2027-02', volume: 170 },
      { family: 'cargo bikes', period: '2027-01', volume: 40 },
    ],
    capacity: [{ family: 'e-bikes', period: '2027-01', volume: 150 }],
  };

  it("creates a node's plan of record, merges cells into it, and keeps its currency", async () => {
    const node = await businessUnit();
    const created = await as(admin).put(`/api/org-nodes/${node}/plan`, firstPlan);
    expect(created).toMatchObject({
      status: 201,
      body: { orgNodeId: node, kind: 'record', currency: 'USD', basedOnPlanId: null, createdBy: admin.id, promotion: null },
    });

    const merged = await as(admin).put(`/api/org-nodes/${node}/plan`, {
      targets: [{ period: '2027-02', amount: 1_300_000 }],
      capacity: [{ family: 'e-bikes', period: '2027-02', volume: 150 }],
    });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(created.body.id);

    const shown = await as(viewer).get(`/api/org-nodes/${node}/plan`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: created.body.id, name: 'Plan of record', kind: 'record', currency: 'USD', basedOnPlanId: null });
    expect(shown.body.targets).toEqual([
      { period: '2027-01', amount: 1_000_000 },
      { period: '2027-02', amount: 1_300_000 },
    ]);
    expect(shown.body.demand).toEqual([
      { family: 'cargo bikes', period: '2027-01', volume: 40 },
      { family: 'e-bikes', period: '2027-01', volume: 110 },
      { family: 'e-bikes', period: '2027-02', volume: 170 },
    ]);
    expect(shown.body.capacity).toEqual([
      { family: 'e-bikes', period: '2027-01', volume: 150 },
      { family: 'e-bikes', period: '2027-02', volume: 150 },
    ]);

    // The same currency again is no change; another one is.
    expect((await as(admin).put(`/api/org-nodes/${node}/plan`, { currency: 'USD' })).status).toBe(200);
    expect(await as(admin).put(`/api/org-nodes/${node}/plan`, { currency: 'EUR' })).toMatchObject({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'currency_fixed' },
    });
    expect((await plans.app.get(PlanService).planOfRecord(node))?.targets).toEqual(shown.body.targets);

    // Writers racing to create a node's first plan: one creates it, the others merge into it.
    const racing = await businessUnit();
    const answers = await Promise.all([1, 2, 3].map(() => as(admin).put(`/api/org-nodes/${racing}/plan`, firstPlan)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
  });

  it("posts actual demand and measures the plan of record's forecast against it, per family", async () => {
    const node = await businessUnit();
    await as(admin).put(`/api/org-nodes/${node}/plan`, {
      demand: [
        { family: 'e-bikes', period: '2027-01', volume: 120 },
        { family: 'e-bikes', period: '2027-02', volume: 180 },
        { family: 'e-bikes', period: '2027-03', volume: 60 },
        { family: 'cargo bikes', period: '2027-01', volume: 80 },
      ],
    });
    const posted = await as(admin).post(`/api/org-nodes/${node}/actuals`, {
      demand: [
        { family: 'e-bikes', period: '2027-01', volume: 1 },
        { family: 'e-bikes', period: '2027-02', volume: 200 },
        { family: 'cargo bikes', period: '2027-01', volume: 100 },
      ],
    });
    expect(posted.status).toBe(200);
    expect(posted.body.demand).toHaveLength(3);
    expect(posted.body.demand[0]).toMatchObject({ family: 'e-bikes', period: '2027-01', volume: 1, postedBy: admin.id });
    // Re-posting replaces: the first figure for 2027-01 was a typo.
    await as(admin).post(`/api/org-nodes/${node}/actuals`, {
      demand: [
        { family: 'e-bikes', period: '2027-01', volume: 100 },
        { family: 'e-bikes', period: '2027-03', volume: 50 },
        { family: 'e-bikes', period: '2027-04', volume: 70 },
      ],
    });

    const accuracy = await as(viewer).get(`/api/org-nodes/${node}/forecast-accuracy?from=2027-01&to=2027-12`);
    expect(accuracy.status).toBe(200);
    expect(accuracy.body).toMatchObject({ orgNodeId: node, from: '2027-01', to: '2027-12' });
    expect(accuracy.body.families).toEqual([
      { family: 'cargo bikes', points: [{ period: '2027-01', forecast: 80, actual: 100 }], mape: 0.2, wmape: 0.2, bias: -0.2 },
      {
        family: 'e-bikes',
        // errors 20/100, 20/200, 10/50: MAPE 0.5/3, WMAPE 50/350, bias (20 − 20 + 10)/350
        points: [
          { period: '2027-01', forecast: 120, actual: 100 },
          { period: '2027-02', forecast: 180, actual: 200 },
          { period: '2027-03', forecast: 60, actual: 50 },
        ],
        mape: 0.1667,
        wmape: 0.1429,
        bias: 0.0286,
      },
    ]);
    const lateWinter = await as(viewer).get(`/api/org-nodes/${node}/forecast-accuracy?from=2027-02`);
    expect(lateWinter.body.families.map((family: { family: string; points: unknown[] }) => [family.family, family.points.length])).toEqual([['e-bikes', 2]]);
  });

  it('copies the plan of record into a scenario, changes and compares it, and promotes it by decision', async () => {
    const node = await businessUnit();
    const record = (await as(admin).put(`/api/org-nodes/${node}/plan`, firstPlan)).body;

    const key = randomUUID();
    const scenario = await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Second shift' }, { 'idempotency-key': key });
    expect(scenario).toMatchObject({
      status: 201,
      body: { orgNodeId: node, name: 'Second shift', kind: 'scenario', currency: 'USD', basedOnPlanId: record.id },
    });
    expect({ targets: scenario.body.targets, demand: scenario.body.demand, capacity: scenario.body.capacity }).toEqual({
      targets: record.targets,
      demand: record.demand,
      capacity: record.capacity,
    });
    expect(await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Second shift' }, { 'idempotency-key': key })).toEqual({
      status: 200,
      body: scenario.body,
    });

    const changed = await as(admin).put(`/api/scenarios/${scenario.body.id}`, {
      capacity: [
        { family: 'e-bikes', period: '2027-01', volume: 220 },
        { family: 'e-bikes', period: '2027-02', volume: 220 },
      ],
      targets: [{ period: '2027-02', amount: 1_250_000 }],
    });
    expect(changed.status).toBe(200);
    expect((await as(viewer).get(`/api/scenarios/${scenario.body.id}`)).body.capacity).toEqual(changed.body.capacity);
    // The record is untouched by its scenario.
    expect((await as(viewer).get(`/api/org-nodes/${node}/plan`)).body.capacity).toEqual([{ family: 'e-bikes', period: '2027-01', volume: 150 }]);

    const comparison = await as(viewer).get(`/api/scenarios/${scenario.body.id}/comparison`);
    expect(comparison).toMatchObject({ status: 200, body: { scenarioId: scenario.body.id, recordId: record.id, currency: 'USD' } });
    expect(comparison.body.differences).toEqual([
      { line: 'target', family: '', period: '2027-02', record: 1_200_000, scenario: 1_250_000, delta: 50_000 },
      { line: 'capacity', family: 'e-bikes', period: '2027-01', record: 150, scenario: 220, delta: 70 },
      { line: 'capacity', family: 'e-bikes', period: '2027-02', record: null, scenario: 220, delta: 220 },
    ]);
    expect(comparison.body.totals).toEqual([
      { line: 'target', record: 2_200_000, scenario: 2_250_000, delta: 50_000 },
      { line: 'demand', record: 320, scenario: 320, delta: 0 },
      { line: 'capacity', record: 150, scenario: 440, delta: 290 },
    ]);

    expect(await as(admin).post(`/api/scenarios/${scenario.body.id}/promotion`, { rationale: '  ' })).toMatchObject({
      status: 422,
      body: { code: 'rationale_missing' },
    });
    const promoted = await as(admin).post(`/api/scenarios/${scenario.body.id}/promotion`, { rationale: 'The second shift covers the spring peak' });
    expect(promoted).toMatchObject({
      status: 200,
      body: { id: scenario.body.id, kind: 'record', promotion: { decidedBy: admin.id, rationale: 'The second shift covers the spring peak' } },
    });
    expect((await as(viewer).get(`/api/org-nodes/${node}/plan`)).body).toMatchObject({ id: scenario.body.id, kind: 'record' });
    expect((await as(viewer).get(`/api/scenarios/${record.id}`)).body).toMatchObject({ id: record.id, kind: 'superseded' });
    // A promotion is a decision: announced with who took it and why, outside any S&OP cycle.
    const decisions = await plans.dataSource.getRepository(OutboxMessage).findBy({ messageKey: node, type: 'plans.decision-recorded' });
    expect(decisions.map((message) => message.envelope.data)).toEqual([
      expect.objectContaining({ cycleId: null, orgNodeId: node, kind: 'promote_scenario', subject: scenario.body.id, decidedBy: admin.id, rationale: 'The second shift covers the spring peak' }),
    ]);

    // No longer a scenario: neither changed nor promoted again.
    expect(await as(admin).put(`/api/scenarios/${scenario.body.id}`, { targets: [] })).toMatchObject({ status: 409, body: { code: 'not_a_scenario' } });
    expect(await as(admin).post(`/api/scenarios/${scenario.body.id}/promotion`, { rationale: 'again' })).toMatchObject({ status: 409 });
    expect((await as(admin).put(`/api/scenarios/${record.id}`, { targets: [] })).status).toBe(409);
  });

  it("promotes within the caller's transaction: rolled back, nothing changed", async () => {
    const node = await businessUnit();
    const record = (await as(admin).put(`/api/org-nodes/${node}/plan`, firstPlan)).body;
    const scenario = (await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Price rise' })).body;
    const service = plans.app.get(PlanService);

    await expect(
      plans.dataSource.transaction(async (manager) => {
        const view = await service.promoteScenario(manager, scenario.id, 'executive-sop', 'decided in the executive meeting');
        expect(view).toMatchObject({ id: scenario.id, kind: 'record' });
        throw new Error('the decision could not be recorded');
      }),
    ).rejects.toThrow('the decision could not be recorded');
    expect((await service.planOfRecord(node))?.id).toBe(record.id);

    await plans.dataSource.transaction((manager) => service.promoteScenario(manager, scenario.id, 'executive-sop', 'decided'));
    expect((await service.planOfRecord(node))?.id).toBe(scenario.id);
    const kinds = await plans.dataSource.getRepository(Plan).find({ where: { orgNodeId: node }, order: { createdAt: 'ASC' } });
    expect(kinds.map((plan) => plan.kind)).toEqual(['superseded', 'record']);
    await expect(plans.dataSource.transaction((manager) => service.promoteScenario(manager, randomUUID(), 'x', 'y'))).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("answers every route's errors: 400, 401, 403, 404, 409, 422", async () => {
    const node = await businessUnit();
    const unknown = randomUUID();

    // 401 without a token, 403 for a role that may only read.
    expect((await as(null).get(`/api/org-nodes/${node}/plan`)).status).toBe(401);
    expect((await as(null).put(`/api/org-nodes/${node}/plan`, {})).status).toBe(401);
    expect(await as(pmo).put(`/api/org-nodes/${node}/plan`, firstPlan)).toMatchObject({ status: 403, body: { message: "This action requires the role 'admin'" } });
    expect((await as(viewer).post(`/api/org-nodes/${node}/actuals`, { demand: [] })).status).toBe(403);
    expect((await as(viewer).post(`/api/org-nodes/${node}/scenarios`, { name: 'x' })).status).toBe(403);

    // 400 for a malformed body or query.
    for (const body of [
      { targets: [{ period: '2027-13', amount: 1 }] },
      { targets: [{ period: '2027-01', amount: -1 }] },
      { targets: [{ period: '2027-01', amount: 1.5 }] },
      { demand: [{ family: ' ', period: '2027-01', volume: 1 }] },
      { capacity: [{ period: '2027-01', volume: 1 }] },
      { currency: 'euro' },
      { targets: 'many' },
      { name: 'not a field of a plan' },
    ]) {
      expect(await as(admin).put(`/api/org-nodes/${node}/plan`, body)).toMatchObject({ status: 400, body: { statusCode: 400, error: 'Bad Request' } });
    }
    expect((await as(admin).post(`/api/org-nodes/${node}/actuals`, {})).status).toBe(400);
    expect((await as(viewer).get(`/api/org-nodes/${node}/forecast-accuracy?from=2027`)).status).toBe(400);
    expect((await as(viewer).get(`/api/org-nodes/${node}/forecast-accuracy?from=2027-05&to=2027-01`)).status).toBe(400);
    expect((await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: '' })).status).toBe(400);
    expect((await apiAs(plans.baseUrl, admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'x' }, { 'idempotency-key': 'ü' })).status).toBe(400);
    expect((await as(admin).post(`/api/scenarios/${unknown}/promotion`, { rationale: 42 })).status).toBe(400);

    // 404 for an unknown node or plan, and for a node without a plan of record where it is asked for.
    expect(await as(viewer).get(`/api/org-nodes/${node}/plan`)).toMatchObject({ status: 404, body: { code: 'no_plan_of_record' } });
    expect((await as(viewer).get(`/api/org-nodes/${node}/forecast-accuracy`)).status).toBe(404);
    expect((await as(viewer).get(`/api/org-nodes/${unknown}/plan`)).status).toBe(404);
    expect((await as(admin).put(`/api/org-nodes/${unknown}/plan`, firstPlan)).status).toBe(404);
    expect((await as(admin).put('/api/org-nodes/not-a-uuid/plan', firstPlan)).status).toBe(404);
    expect((await as(admin).post(`/api/org-nodes/${unknown}/actuals`, { demand: [] })).status).toBe(404);
    expect((await as(admin).post(`/api/org-nodes/${unknown}/scenarios`, { name: 'x' })).status).toBe(404);
    for (const id of [unknown, 'not-a-uuid']) {
      expect(await as(viewer).get(`/api/scenarios/${id}`)).toMatchObject({ status: 404, body: { code: 'unknown_plan' } });
      expect((await as(admin).put(`/api/scenarios/${id}`, { targets: [] })).status).toBe(404);
      expect((await as(viewer).get(`/api/scenarios/${id}/comparison`)).status).toBe(404);
      expect((await as(admin).post(`/api/scenarios/${id}/promotion`, { rationale: 'why' })).status).toBe(404);
    }
    expect(await plans.app.get(PlanService).planOfRecord(node)).toBeNull();

    // 422: a scenario needs a plan of record to copy; a cell may be given once in a change.
    expect(await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Too early' })).toMatchObject({
      status: 422,
      body: { code: 'no_plan_of_record', message: `org node ${node} has no plan of record` },
    });
    const twice = { demand: [{ family: 'e-bikes', period: '2027-01', volume: 1 }, { family: 'e-bikes', period: '2027-01', volume: 2 }] };
    expect(await as(admin).put(`/api/org-nodes/${node}/plan`, twice)).toMatchObject({ status: 422, body: { unmet: ['demand e-bikes 2027-01 is given more than once'] } });
    expect((await as(admin).post(`/api/org-nodes/${node}/actuals`, twice)).status).toBe(422);
    expect((await as(viewer).get(`/api/org-nodes/${node}/plan`)).status).toBe(404); // the refused change created nothing

    // 409: a plan's currency is set once; a promoted scenario is no scenario.
    await as(admin).put(`/api/org-nodes/${node}/plan`, firstPlan);
    const scenario = (await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'What if' })).body;
    expect((await as(admin).put(`/api/scenarios/${scenario.id}`, { currency: 'EUR' })).status).toBe(409);
    expect((await as(admin).post(`/api/scenarios/${scenario.id}/promotion`, {})).status).toBe(422);
    expect((await as(viewer).post(`/api/scenarios/${scenario.id}/promotion`, { rationale: 'why' })).status).toBe(403);
    expect((await as(admin).post(`/api/scenarios/${scenario.id}/promotion`, { rationale: 'why' })).status).toBe(200);
    expect((await as(admin).post(`/api/scenarios/${scenario.id}/promotion`, { rationale: 'why' })).status).toBe(409);
  });
});
