import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { initiativeWorkflowId, LIFECYCLE } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs } from '../../../../test/support/http-client';
import { defineInitiative, initiativePeople, type InitiativePeople } from '../../../../test/support/initiative-walk';
import { startService, type RunningService } from '../../../../test/support/running-service';
import { startInitiativesStack, startTestStack, type InitiativesStack } from '../../../../test/support/test-stack';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';

const INITIATIVES = 3;
const CONFIRMATIONS_EACH = 8;

// Two finance instances on one database, each with its own dispatcher, as
// behind a load balancer: every confirmation reaches its lifecycle once, and
// an initiative's confirmations arrive in the order finance recorded them.
describe('delivering confirmations from two finance instances', () => {
  let stack: InitiativesStack;
  let first: RunningService;
  let second: RunningService;
  let stopFirst: (() => Promise<void>) | undefined;
  let connection: Connection;
  let temporal: Client;
  let people: InitiativePeople;

  beforeAll(async () => {
    [stack, { finance: first, stop: stopFirst }] = await Promise.all([startInitiativesStack(), startTestStack({ services: ['finance'] })]);
    second = await startService('finance');
    await second.ready();
    connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    temporal = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
    people = initiativePeople();
  });

  afterAll(async () => {
    await connection?.close();
    await stack?.worker.stop();
    await Promise.all([stack?.service.close(), second?.close(), stopFirst?.()]);
  });

  /** The confirmation ids the lifecycle was signalled, in the order its history holds them. */
  async function signalledConfirmations(initiativeId: string): Promise<string[]> {
    const history = await temporal.workflow.getHandle(initiativeWorkflowId(initiativeId)).fetchHistory();
    return (history.events ?? []).flatMap((event) => {
      const signal = event.workflowExecutionSignaledEventAttributes;
      if (signal?.signalName !== LIFECYCLE.valueConfirmed.name) return [];
      const [payload] = signal.input?.payloads ?? [];
      return [defaultPayloadConverter.fromPayload<{ confirmationId: string }>(payload).confirmationId];
    });
  }

  it('delivers each confirmation once, in the order recorded, whichever instance recorded it', async () => {
    const ids = await Promise.all(Array.from({ length: INITIATIVES }, () => defineInitiative(stack.service.baseUrl, stack.programId, people)));
    await Promise.all(
      ids.map((id) =>
        eventually(() => apiAs(first.baseUrl, people.controller).get(`/api/initiatives/${id}/ledger`), (answer) => answer.status === 200, {
          what: 'finance to learn of the initiative',
          timeoutMs: 300_000,
          intervalMs: 250,
        }),
      ),
    );
    // Each initiative's confirmations one after another, through the two instances in turn; the initiatives at once.
    const sent = await Promise.all(
      ids.map(async (initiativeId) => {
        const confirmationIds: string[] = [];
        for (let index = 0; index < CONFIRMATIONS_EACH; index += 1) {
          const confirmationId = `conf-${randomUUID()}`;
          const answer = await apiAs((index % 2 === 0 ? first : second).baseUrl, people.controller).post('/api/confirmations', {
            confirmationId,
            initiativeId,
            period: '2027-03',
            amount: 1000 + index,
            currency: 'EUR',
            reference: `GL ${index}`,
          });
          expect(answer.status).toBe(201);
          confirmationIds.push(confirmationId);
        }
        return confirmationIds;
      }),
    );
    const all = sent.flat();
    await eventually(
      async () => (await Promise.all(all.map((id) => apiAs(second.baseUrl, people.controller).get(`/api/confirmations/${id}`)))).map((answer) => answer.body.delivery?.state),
      (states) => states.every((state) => state === 'delivered'),
      { what: 'every confirmation to show as delivered', timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const [index, initiativeId] of ids.entries()) {
      expect(await signalledConfirmations(initiativeId)).toEqual(sent[index]);
    }
    const shown = await apiAs(first.baseUrl, people.owner).get(`/api/confirmations/${all[0]}`);
    expect(shown.body.delivery).toMatchObject({ state: 'delivered', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(Date.parse(shown.body.delivery.deliveredAt)).toBeGreaterThanOrEqual(Date.parse(shown.body.confirmedAt));
  });

  it('holds a confirmation behind an earlier one of its initiative that is backing off, then delivers both in order', async () => {
    const initiativeId = await defineInitiative(stack.service.baseUrl, stack.programId, people);
    await eventually(() => apiAs(first.baseUrl, people.controller).get(`/api/initiatives/${initiativeId}/ledger`), (answer) => answer.status === 200, {
      what: 'finance to learn of the initiative',
      timeoutMs: 300_000,
      intervalMs: 250,
    });
    // As a failed attempt leaves it: owed, tried once, next try a minute away.
    const earlier = `conf-${randomUUID()}`;
    const signal = {
      initiativeId,
      kind: 'value_confirmed',
      confirmation: { confirmationId: earlier, period: '2027-02', amount: 500, currency: 'EUR', reference: 'GL 2027-02', controllerId: people.controller.id, confirmedAt: new Date().toISOString() },
    };
    await first.dataSource.query(
      `INSERT INTO finance.lifecycle_delivery (initiative_id, kind, record_id, signal, recorded_at, attempts, next_attempt_at, last_error)
       VALUES ($1, 'value_confirmed', $2, $3, now(), 1, now() + interval '1 minute', 'Temporal unavailable')`,
      [initiativeId, earlier, JSON.stringify(signal)],
    );
    const later = `conf-${randomUUID()}`;
    const recorded = await apiAs(second.baseUrl, people.controller).post('/api/confirmations', {
      confirmationId: later,
      initiativeId,
      period: '2027-03',
      amount: 700,
      currency: 'EUR',
      reference: 'GL 2027-03',
    });
    expect(recorded.status).toBe(201);
    // Both dispatchers poll several times within this; neither may deliver the later one first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await apiAs(first.baseUrl, people.controller).get(`/api/confirmations/${later}`)).body.delivery).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await signalledConfirmations(initiativeId)).toEqual([]);

    await first.dataSource.query(`UPDATE finance.lifecycle_delivery SET next_attempt_at = now() WHERE record_id = $1`, [earlier]);
    await eventually(() => apiAs(first.baseUrl, people.controller).get(`/api/confirmations/${later}`), (answer) => answer.body.delivery?.state === 'delivered', {
      what: 'the later confirmation to be delivered once the earlier one is',
    });
    expect(await signalledConfirmations(initiativeId)).toEqual([earlier, later]);
  });
});
