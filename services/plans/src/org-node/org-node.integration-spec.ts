import { OutboxMessage } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const owner: Person = { id: `owner-${randomUUID()}`, roles: ['owner'] };

// The one hierarchy, and the programs it announces to the initiatives service.
describe('org hierarchy', () => {
  let stack: TestStack<'plans' | 'initiatives'>;
  let plans: RunningService;
  let initiatives: RunningService;

  beforeAll(async () => {
    ({ plans, initiatives } = stack = await startTestStack({ services: ['plans', 'initiatives'], worker: true }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  async function node(name: string, kind: string, parentId?: string): Promise<string> {
    const answer = await as(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  it('builds organization > business unit > program, shows a node with its children, and announces each node', async () => {
    const organization = await node(`Acme ${randomUUID().slice(0, 6)}`, 'organization');
    const unit = await node('Operations', 'business_unit', organization);
    const program = await node('Logistics excellence', 'program', unit);

    const shown = await as(owner).get(`/api/org-nodes/${unit}`);
    expect(shown).toMatchObject({
      status: 200,
      body: { id: unit, name: 'Operations', kind: 'business_unit', parentId: organization, children: [{ id: program, kind: 'program', name: 'Logistics excellence' }] },
    });
    const event = await plans.dataSource.getRepository(OutboxMessage).findOneByOrFail({ messageKey: program, type: 'plans.org-node-created' });
    expect(event.envelope.data).toEqual({ nodeId: program, name: 'Logistics excellence', kind: 'program', parentId: unit });

    // The initiatives service learns the program from the event and accepts initiatives under it.
    const created = await eventually(
      () =>
        apiAs(initiatives.baseUrl, owner).post('/api/initiatives', {
          title: 'Consolidate carriers',
          programId: program,
          ownerId: owner.id,
          sponsorId: `sponsor-${randomUUID()}`,
          category: 'cost',
          roughValue: 500_000,
          measures: [],
          milestones: [],
        }),
      (answer) => answer.status === 201,
      { what: 'the initiatives service to learn the program' },
    );
    expect(created.body).toMatchObject({ stage: 0 });
    // A business unit is not a program: no initiatives directly under it.
    const underUnit = await apiAs(initiatives.baseUrl, owner).post('/api/initiatives', {
      title: 'Misplaced',
      programId: unit,
      ownerId: owner.id,
      sponsorId: `sponsor-${randomUUID()}`,
      category: 'cost',
      roughValue: 1,
      measures: [],
      milestones: [],
    });
    expect(underUnit.status).toBe(422);
  });

  it("answers every route's errors: 400, 401, 403, 404, 409, 422", async () => {
    expect((await as(null).post('/api/org-nodes', { name: 'x', kind: 'organization' })).status).toBe(401);
    expect(await as(owner).post('/api/org-nodes', { name: 'x', kind: 'organization' })).toMatchObject({
      status: 403,
      body: { message: "This action requires the role 'admin'" },
    });
    expect((await as(admin).post('/api/org-nodes', { name: '', kind: 'division' })).status).toBe(400);
    // Spaces alone are no name: a 400 naming it, not a 500 from the announcement built after the write.
    expect(await as(admin).post('/api/org-nodes', { name: '   ', kind: 'organization' })).toMatchObject({ status: 400, body: { message: 'name must not be blank' } });
    expect((await as(admin).get(`/api/org-nodes/${randomUUID()}`)).status).toBe(404);
    expect((await as(admin).get('/api/org-nodes/not-a-uuid')).status).toBe(404);

    const organization = await node(`Globex ${randomUUID().slice(0, 6)}`, 'organization');
    expect(await as(admin).post('/api/org-nodes', { name: 'Direct program', kind: 'program', parentId: organization })).toMatchObject({
      status: 422,
      body: { message: 'a program sits under a business unit, not under an organization' },
    });
    expect((await as(admin).post('/api/org-nodes', { name: 'Orphan', kind: 'business_unit' })).status).toBe(422);
    expect((await as(admin).post('/api/org-nodes', { name: 'Ghost child', kind: 'business_unit', parentId: randomUUID() })).status).toBe(422);
    await node('Sales', 'business_unit', organization);
    expect(await as(admin).post('/api/org-nodes', { name: ' sales ', kind: 'business_unit', parentId: organization })).toMatchObject({
      status: 409,
      body: { message: "a sibling named 'sales' already exists" },
    });
  });

  it('applies a retried create with the same Idempotency-Key once', async () => {
    const key = randomUUID();
    const name = `Initech ${randomUUID().slice(0, 6)}`;
    const first = await as(admin).post('/api/org-nodes', { name, kind: 'organization' }, { 'idempotency-key': key });
    const again = await as(admin).post('/api/org-nodes', { name, kind: 'organization' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 200, body: first.body });
  });
});
