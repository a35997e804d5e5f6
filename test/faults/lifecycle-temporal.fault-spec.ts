import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { startInitiativesStack, startTestStack } from '../support/test-stack';
import type { RunningService } from '../support/running-service';
import { testInfrastructure } from '../support/test-infrastructure';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const temporal = (action: 'start' | 'stop') => testInfrastructure('temporal', action);

const owner: Person = { id: `owner-${randomUUID()}`, roles: ['owner'] };
const sponsor: Person = { id: `sponsor-${randomUUID()}`, roles: ['sponsor'] };

// Writes go through the lifecycle workflow, reads come from the projection:
// with Temporal away, a write answers 503 (never 500) and a read still answers.
describe('the initiatives API while Temporal is away', () => {
  let service: RunningService;
  let worker: RunningWorkflowWorker | undefined;
  let programId: string;
  let finance: RunningService;
  let stopFinance: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    [{ service, worker, programId }, { finance, stop: stopFinance }] = await Promise.all([startInitiativesStack(), startTestStack({ services: ['finance'] })]);
  });

  afterAll(async () => {
    temporal('start');
    await worker?.stop();
    await Promise.all([service?.close(), stopFinance?.()]);
  });

  const as = (person: Person) => apiAs(service.baseUrl, person);
  const evidence = { text: 'case reviewed', links: [] };

  it('answers 503 to writes and 200 to reads, and takes writes again once Temporal is back', async () => {
    const created = await as(owner).post('/api/initiatives', {
      title: 'Renegotiate packaging',
      programId,
      ownerId: owner.id,
      sponsorId: sponsor.id,
      controllerId: `controller-${randomUUID()}`,
      category: 'cost',
      measures: [{ name: 'Board price', category: 'procurement', plannedValues: [{ period: '2027-05', amount: 80_000 }] }],
      milestones: [{ title: 'Offers in', dueDate: '2099-01-31' }],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    await worker!.stop();
    worker = undefined;
    temporal('stop');

    const refused = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence });
    expect(refused).toEqual({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', message: 'The lifecycle engine is unavailable; try again shortly', code: 'lifecycle_unavailable' },
    });
    expect((await as(owner).get(`/api/initiatives/${id}`)).body).toMatchObject({ id, stage: 0, status: 'on_track' });

    temporal('start');
    worker = await startWorkflowWorker();
    // Retried as a client should: with one Idempotency-Key, so that a try answered 503 while the
    // restarted server was slow, but carried out in the end, is answered with its first result.
    const retryKey = randomUUID();
    const accepted = await eventually(
      () => as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence }, { 'idempotency-key': retryKey }),
      (answer) => answer.status === 201,
      { what: 'a gate request to be accepted once Temporal is back', timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(accepted.body).toMatchObject({ state: 'pending', targetStage: 1 });
  });

  it('records confirmations while Temporal is away, shows them pending, and delivers them once it is back', async () => {
    const people = initiativePeople();
    const id = await initiativeAtStage4(service.baseUrl, programId, people);
    const financeAs = apiAs(finance.baseUrl, people.controller);
    await eventually(() => financeAs.get(`/api/initiatives/${id}/ledger`), (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation', {
      what: 'finance to learn of the pending closure',
      timeoutMs: 300_000,
      intervalMs: 250,
    });

    await worker!.stop();
    worker = undefined;
    temporal('stop');

    const confirmationId = `conf-${randomUUID()}`;
    const recorded = await financeAs.post('/api/confirmations', { confirmationId, initiativeId: id, period: '2027-03', amount: 100_000, currency: 'EUR', reference: 'GL 2027-03' });
    expect(recorded.status).toBe(201);
    // Finance has tried, failed, and says so: pending, with the error and when it tries next.
    const pending = await eventually(() => financeAs.get(`/api/confirmations/${confirmationId}`), (answer) => answer.body.delivery?.attempts >= 1, {
      what: 'a failed delivery attempt to show',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(pending.body.delivery).toMatchObject({ state: 'pending', deliveredAt: null, lastError: expect.any(String), nextAttemptAt: expect.any(String) });

    temporal('start');
    worker = await startWorkflowWorker();
    const delivered = await eventually(() => financeAs.get(`/api/confirmations/${confirmationId}`), (answer) => answer.body.delivery?.state !== 'pending', {
      what: 'the confirmation to be delivered once Temporal is back',
      timeoutMs: 180_000,
      intervalMs: 1000,
    });
    expect(delivered.body.delivery).toMatchObject({ state: 'delivered', lastError: null, nextAttemptAt: null });
    expect(delivered.body.delivery.attempts).toBeGreaterThan(pending.body.delivery.attempts);
    const initiative = await eventually(() => as(owner).get(`/api/initiatives/${id}`), (answer) => answer.body.stage === 5, { what: 'the initiative to close' });
    expect(initiative.body).toMatchObject({ status: 'closed', confirmedValue: 100_000 });
  });
});
