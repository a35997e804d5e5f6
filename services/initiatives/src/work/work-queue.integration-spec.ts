import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { initiativePeople } from '../../../../test/support/initiative-walk';
import { startInitiativesStack, type InitiativesStack } from '../../../../test/support/test-stack';

// What the cockpit's "my work" shows comes from these routes: the gate
// requests that await a person's key, and initiatives by the person's part in them.
describe('work queues', () => {
  let stack: InitiativesStack;

  beforeAll(async () => {
    stack = await startInitiativesStack();
  });

  afterAll(async () => {
    await stack?.worker.stop();
    await stack?.service.close();
  });

  it("lists a pending gate request for the key it awaits only, and initiatives by owner, sponsor, controller and closure", async () => {
    const people = initiativePeople();
    const as = (person: Person) => apiAs(stack.service.baseUrl, person);
    const created = await as(people.owner).post('/api/initiatives', {
      title: `Queue ${randomUUID().slice(0, 6)}`,
      programId: stack.programId,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      controllerId: people.controller.id,
      category: 'cost',
      measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-03', amount: 10_000 }] }],
      milestones: [{ title: 'Done', dueDate: '2099-01-31' }],
    });
    const id: string = created.body.id;
    const request = await as(people.owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence: { text: 'named', links: [] } });
    expect(request.status).toBe(201);

    const awaiting = async (person: Person) => ((await as(person).get('/api/work/gate-requests')).body.items as Array<{ gateRequestId: string }>).map((item) => item.gateRequestId);
    expect(await awaiting(people.sponsor)).toContain(request.body.id);
    // Stage 1 is the sponsor's alone: not the controller's, not a PMO's, never the submitter's.
    expect(await awaiting(people.controller)).not.toContain(request.body.id);
    expect(await awaiting(people.pmo)).not.toContain(request.body.id);
    expect(await awaiting(people.owner)).not.toContain(request.body.id);
    expect((await as(people.sponsor).get('/api/work/gate-requests')).body.items.find((item: { gateRequestId: string }) => item.gateRequestId === request.body.id)).toMatchObject({
      initiativeId: id,
      targetStage: 1,
      submittedBy: people.owner.id,
      missingKeys: ["the initiative's sponsor"],
    });

    const ids = async (query: string) => ((await as(people.pmo).get(`/api/initiatives?${query}`)).body.items as Array<{ id: string }>).map((item) => item.id);
    expect(await ids(`ownerId=${people.owner.id}`)).toEqual([id]);
    expect(await ids(`sponsorId=${people.sponsor.id}`)).toEqual([id]);
    expect(await ids(`controllerId=${people.controller.id}&closure=none`)).toEqual([id]);
    expect(await ids(`ownerId=${people.owner.id}&closure=pending_confirmation`)).toEqual([]);
    expect((await as(people.pmo).get('/api/initiatives?closure=maybe')).status).toBe(400);
    expect((await apiAs(stack.service.baseUrl, null).get('/api/work/gate-requests')).status).toBe(401);
  });
});
