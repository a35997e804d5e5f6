import { createEnvelope, DEAD_LETTER_HEADERS, deadLetterTopic, TOPICS } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { RunningService, startService } from '../support/running-service';
import { testGroup } from '../support/test-environment';
import { consumedPast, findMessage, produceRaw, signedBy } from '../support/topic-reader';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };

// A forged internal event must not close an initiative or count in the
// portfolio: an event is believed only when the service that owns its type
// signed it, and the lifecycle hears of confirmations only from finance's own
// committed records, never from a topic anyone could write to.
describe('forged events on the internal topics', () => {
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

  async function programUnderPlans(): Promise<string> {
    const org = await apiAs(plans.baseUrl, admin).post('/api/org-nodes', { name: `Org ${randomUUID()}`, kind: 'organization' });
    const unit = await apiAs(plans.baseUrl, admin).post('/api/org-nodes', { name: 'Operations', kind: 'business_unit', parentId: org.body.id });
    const program = await apiAs(plans.baseUrl, admin).post('/api/org-nodes', { name: 'Network footprint', kind: 'program', parentId: unit.body.id });
    expect(program.status).toBe(201);
    await eventually(
      () => initiatives.dataSource.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [program.body.id]),
      (rows: unknown[]) => rows.length === 1,
      { what: 'the initiatives service to learn the program' },
    );
    return program.body.id;
  }

  function forgedConfirmation(initiativeId: string, controllerId: string, source: string) {
    return createEnvelope(
      {
        type: 'finance.value-confirmed',
        source,
        subject: initiativeId,
        data: { confirmationId: `FORGED-${randomUUID()}`, initiativeId, period: '2027-03', amount: 9_999_999, currency: 'EUR', reference: 'forged', controllerId },
      },
      randomUUID(),
      new Date(),
    );
  }

  async function deadLetterOf(group: string, eventId: string) {
    return findMessage(
      deadLetterTopic(TOPICS.financeEvents),
      (message) => message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === group && message.value?.toString().includes(eventId) === true,
    );
  }

  it('neither closes the initiative nor counts in the portfolio, unsigned or signed by a service that does not own the type', async () => {
    const programId = await programUnderPlans();
    const people = initiativePeople();
    const id = await initiativeAtStage4(initiatives.baseUrl, programId, people);
    const owner = apiAs(initiatives.baseUrl, people.owner);
    expect((await owner.get(`/api/initiatives/${id}`)).body.closure.state).toBe('pending_confirmation');

    const unsigned = forgedConfirmation(id, 'nobody', 'tollgate/finance');
    const unsignedBytes = JSON.stringify(unsigned);
    const first = await produceRaw(TOPICS.financeEvents, id, unsignedBytes);
    // Signed, but by the initiatives service, which does not own finance's events.
    const wrongOwner = forgedConfirmation(id, people.controller.id, 'tollgate/finance');
    const wrongOwnerBytes = JSON.stringify(wrongOwner);
    const second = await produceRaw(TOPICS.financeEvents, id, wrongOwnerBytes, signedBy('initiatives', wrongOwnerBytes));
    // Signed by finance's key, but tampered with afterwards.
    const tampered = forgedConfirmation(id, people.controller.id, 'tollgate/finance');
    const tamperedBytes = JSON.stringify(tampered);
    const third = await produceRaw(TOPICS.financeEvents, id, tamperedBytes.replace('9999999', '8888888'), signedBy('finance', tamperedBytes));

    // Signed by finance and untouched, but copied onto the initiatives' topic: a replay, not news.
    const elsewhere = forgedConfirmation(id, people.controller.id, 'tollgate/finance');
    const elsewhereBytes = JSON.stringify(elsewhere);
    const fourth = await produceRaw(TOPICS.initiativesEvents, id, elsewhereBytes, signedBy('finance', elsewhereBytes));

    const portfolioGroup = testGroup('plans.portfolio');
    for (const sent of [first, second, third]) await consumedPast(portfolioGroup, TOPICS.financeEvents, sent);
    await consumedPast(portfolioGroup, TOPICS.initiativesEvents, fourth);
    const copied = await findMessage(
      deadLetterTopic(TOPICS.initiativesEvents),
      (message) => message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === portfolioGroup && message.value?.toString().includes(elsewhere.id) === true,
    );
    expect(copied.headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toBe("wrong topic: 'finance.value-confirmed' travels on tollgate.finance.events");
    expect((await deadLetterOf(portfolioGroup, unsigned.id)).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toMatch(/^unsigned/);
    expect((await deadLetterOf(portfolioGroup, wrongOwner.id)).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toBe(
      "wrong producer: 'finance.value-confirmed' is owned by finance, signed by initiatives",
    );
    expect((await deadLetterOf(portfolioGroup, tampered.id)).headers?.[DEAD_LETTER_HEADERS.reason]?.toString()).toMatch(/^bad signature: not signed by finance\/dev-1/);

    const summary = await apiAs(plans.baseUrl, admin).get(`/api/portfolio/summary?orgNodeId=${programId}`);
    expect(summary.body.total).toMatchObject({ count: 1, confirmed: 0 });
    expect((await owner.get(`/api/initiatives/${id}`)).body).toMatchObject({ stage: 4, closure: { state: 'pending_confirmation' }, confirmedValue: 0 });

    // The real confirmation, recorded by finance, closes it, and finance says when it was delivered.
    await eventually(
      () => apiAs(finance.baseUrl, people.controller).get(`/api/initiatives/${id}/ledger`),
      (answer) => answer.status === 200 && answer.body.closure.state === 'pending_confirmation',
      { what: 'finance to learn of the pending closure', timeoutMs: 60_000, intervalMs: 250 },
    );
    const confirmationId = `GL-${randomUUID()}`;
    const confirmed = await apiAs(finance.baseUrl, people.controller).post('/api/confirmations', {
      confirmationId,
      initiativeId: id,
      period: '2027-03',
      amount: 260_000,
      currency: 'EUR',
      reference: 'GL 2027-03',
    });
    expect(confirmed.status).toBe(201);
    const closed = await eventually(
      async () => (await owner.get(`/api/initiatives/${id}`)).body,
      (initiative) => initiative.stage === 5,
      { what: 'the initiative to close on the recorded confirmation' },
    );
    expect(closed).toMatchObject({ status: 'closed', confirmedValue: 260_000 });
    const delivery = (await apiAs(finance.baseUrl, people.controller).get(`/api/confirmations/${confirmationId}`)).body.delivery;
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, lastError: null });
    expect(Date.parse(delivery.deliveredAt)).not.toBeNaN();
    const portfolio = await eventually(
      () => apiAs(plans.baseUrl, admin).get(`/api/portfolio/summary?orgNodeId=${programId}`),
      (answer) => answer.body.total.confirmed > 0,
      { what: 'the portfolio to count the recorded confirmation' },
    );
    expect(portfolio.body.total.confirmed).toBe(260_000);
  });
});
