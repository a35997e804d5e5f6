import { Client, Connection } from '@temporalio/client';
import { createEnvelope, FINANCE_SIGNATURE_HEADER, initiativeWorkflowId, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { announceProgram } from '../support/org-nodes';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { findMessage, produceRaw } from '../support/topic-reader';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../../services/finance/src/config/finance.config';
import { signWithHmac } from '@tollgate/messaging';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const owner: Person = { id: `owner-${randomUUID()}`, roles: ['owner'] };
const sponsor: Person = { id: `sponsor-${randomUUID()}`, roles: ['sponsor'] };
const controller: Person = { id: `controller-${randomUUID()}`, roles: ['controller'] };
const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };

// One initiative from definition to controller-backed closure through the
// public contract: the API, the workflow's search attributes, the finance
// service (a controller's confirmation over REST, or a finance system's
// signed message on Kafka), and the events on Kafka.
describe('an initiative walks every gate and closes on confirmed value', () => {
  let initiatives: RunningService;
  let finance: RunningService;
  let worker: RunningWorkflowWorker;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    [initiatives, finance] = await Promise.all([startService('initiatives'), startService('finance')]);
    worker = await startWorkflowWorker();
    await Promise.all([initiatives.ready(), finance.ready()]);
    connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    temporal = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
  });

  afterAll(async () => {
    await connection?.close();
    await worker?.stop();
    await Promise.all([initiatives?.close(), finance?.close()]);
  });

  const as = (person: Person) => apiAs(initiatives.baseUrl, person);
  const evidence = (text: string) => ({ text, links: [`https://evidence.example/${encodeURIComponent(text)}`] });

  async function passGate(id: string, targetStage: number, deciders: Person[]): Promise<void> {
    const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage, evidence: evidence(`gate ${targetStage}`) });
    expect(request.status).toBe(201);
    for (const decider of deciders) {
      const decision = await as(decider).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true, comment: 'agreed' });
      expect(decision.status).toBe(200);
    }
    expect((await as(owner).get(`/api/initiatives/${id}`)).body.stage).toBe(targetStage);
  }

  it('goes from stage 0 to 5 through the API, waiting at stage 4 until finance confirms', async () => {
    const programId = await announceProgram(initiatives.dataSource, 'Network footprint');
    const created = await as(owner).post('/api/initiatives', {
      title: 'Close the Lyon warehouse',
      programId,
      ownerId: owner.id,
      sponsorId: sponsor.id,
      controllerId: controller.id,
      category: 'cost',
      measures: [{ name: 'Rent and staff', category: 'opex', plannedValues: [{ period: '2027-06', amount: 1_200_000 }] }],
      oneTimeCosts: [{ period: '2027-02', amount: 300_000 }],
      milestones: [
        { title: 'Staff consulted', dueDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) },
        { title: 'Lease ended', dueDate: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) },
      ],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    await passGate(id, 1, [sponsor]);
    await passGate(id, 2, [pmo]);
    await passGate(id, 3, [controller, sponsor]);
    for (const milestone of (await as(owner).get(`/api/initiatives/${id}`)).body.milestones) {
      const done = await as(owner).post(`/api/initiatives/${id}/milestones/${milestone.id}/complete`, { evidence: evidence(milestone.title) });
      expect(done.status).toBe(200);
    }
    await passGate(id, 4, [sponsor]);

    const closure = await as(owner).post(`/api/initiatives/${id}/closure`);
    expect(closure.status).toBe(202);
    expect(closure.body.closure.state).toBe('pending_confirmation');

    // Operators find every initiative waiting for finance with the contract's query.
    const workflowId = initiativeWorkflowId(id);
    await eventually(
      async () => {
        const found: string[] = [];
        for await (const execution of temporal.workflow.list({ query: "TollgateStage = 4 AND TollgateClosure = 'pending_confirmation'" })) {
          found.push(execution.workflowId);
        }
        return found;
      },
      (found) => found.includes(workflowId),
      { what: 'the visibility query to list the initiative waiting for finance' },
    );
    expect((await as(owner).get(`/api/initiatives/${id}`)).body).toMatchObject({ stage: 4, closure: { state: 'pending_confirmation' } });

    // Finance learns of the pending closure from the initiatives service's events; a controller confirms.
    await eventually(
      () => apiAs(finance.baseUrl, controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation',
      { what: 'finance to learn of the pending closure', timeoutMs: 300_000, intervalMs: 250 },
    );
    const confirmation = await apiAs(finance.baseUrl, controller).post('/api/confirmations', {
      confirmationId: `GL-${randomUUID()}`,
      initiativeId: id,
      period: '2027-06',
      amount: 1_150_000,
      currency: 'EUR',
      reference: 'GL 2027-06 site costs',
    });
    expect(confirmation.status).toBe(201);

    const closed = await eventually(
      async () => (await as(owner).get(`/api/initiatives/${id}`)).body,
      (initiative) => initiative.stage === 5,
      { what: 'the initiative to close on the confirmation' },
    );
    expect(closed).toMatchObject({ status: 'closed', closure: { state: 'closed' }, plannedValue: 1_200_000, confirmedValue: 1_150_000 });

    const announced = await findMessage(
      TOPICS.initiativesEvents,
      (message) => message.key?.toString() === id && JSON.parse(message.value!.toString()).type === 'initiative.closed',
    );
    expect(JSON.parse(announced.value!.toString())).toMatchObject({
      subject: id,
      correlationId: workflowId,
      data: { initiativeId: id, programId, confirmedValue: 1_150_000, plannedValue: 1_200_000, currency: 'EUR' },
    });

    const trail = (await as(owner).get(`/api/initiatives/${id}/audit`)).body as { action: string; actorId: string }[];
    expect(trail.filter((entry) => entry.action === 'stage_changed')).toHaveLength(4);
    const ledger = (await apiAs(finance.baseUrl, controller).get(`/api/initiatives/${id}/ledger`)).body;
    expect(ledger).toMatchObject({ totals: { planned: 1_200_000, confirmed: 1_150_000 } });
    expect(trail.slice(-2)).toEqual([
      expect.objectContaining({ action: 'value_confirmed', actorId: controller.id }),
      expect.objectContaining({ action: 'closed', actorId: 'tollgate-lifecycle' }),
    ]);
  });

  it('closes on a confirmation that a finance system signs and sends on Kafka', async () => {
    const programId = await announceProgram(initiatives.dataSource, 'Procurement');
    const people = initiativePeople();
    const id = await initiativeAtStage4(initiatives.baseUrl, programId, people);
    await eventually(
      () => apiAs(finance.baseUrl, people.controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation',
      { what: 'finance to learn of the pending closure', timeoutMs: 300_000, intervalMs: 250 },
    );
    const envelope = createEnvelope(
      {
        type: 'finance.value-confirmed',
        source: 'erp/sap-fi',
        subject: id,
        data: { confirmationId: `ERP-${randomUUID()}`, initiativeId: id, period: '2027-03', amount: 260_000, currency: 'EUR', reference: 'FI doc 4711', controllerId: people.controller.id },
      },
      randomUUID(),
      new Date(),
    );
    const bytes = JSON.stringify(envelope);
    await produceRaw(TOPICS.financeValueConfirmations, id, bytes, {
      [FINANCE_SIGNATURE_HEADER]: signWithHmac(bytes, DEVELOPMENT_FINANCE_HMAC_SECRET),
    });
    const closed = await eventually(
      async () => (await apiAs(initiatives.baseUrl, people.owner).get(`/api/initiatives/${id}`)).body,
      (initiative) => initiative.stage === 5,
      { what: 'the initiative to close on the signed message' },
    );
    expect(closed).toMatchObject({ status: 'closed', confirmedValue: 260_000 });
  });
});
