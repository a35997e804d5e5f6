import { Client, Connection } from '@temporalio/client';
import { createEnvelope, FINANCE_SIGNATURE_HEADER, initiativeWorkflowId, TOPICS } from '@tollgate/contracts';
import type { LifecycleState } from '@tollgate/domain';
import { createKafka, ensureTopics, signWithHmac } from '@tollgate/messaging';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../../services/finance/src/config/finance.config';
import { eventually } from '../support/eventually';
import { initiativeAtStage4, initiativePeople, type InitiativePeople } from '../support/initiative-walk';
import { announceProgram } from '../support/org-nodes';
import { quietTemporalRuntime } from '../support/quiet-runtime';
import { StackProcess } from '../support/service-process';
import { TEST_ENVIRONMENT, testTopic } from '../support/test-environment';
import { atSteadyRate, inParallel, percentile, perSecond, profileRows, report } from './bench-report';
import { cloneLifecycles, lifecycleStateOf } from './cloned-lifecycles';
import { startEmptyUpdateWorker } from './empty-update/empty-update-worker';
import { finish, poke, pokes } from './empty-update/empty-update.workflow';

const MONTH_END_INITIATIVES = Number(process.env.BENCH_MONTH_END_INITIATIVES ?? 5000);
const MONTH_END_EACH = Number(process.env.BENCH_MONTH_END_CONFIRMATIONS_EACH ?? 10);
const RUNNING_INITIATIVES = Number(process.env.BENCH_DELIVERY_INITIATIVES ?? 1000);
const RUNNING_EACH = Number(process.env.BENCH_DELIVERY_CONFIRMATIONS_EACH ?? 10);
const RATES = (process.env.BENCH_CONFIRMATION_RATES ?? '10,100').split(',').map(Number);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 20);
/** As many signals in flight as the dispatcher has initiatives in flight. */
const RAW_SIGNAL_CONCURRENCY = 32;

// The finance path at month-end, in one run on one stack (the services and
// the worker as they run in production, each a process from the build), each
// figure beside the bare engine measured in the same run:
// - applied confirmations/s ÷ a bare kafkajs consumer that inserts each batch
//   with one multi-row INSERT (goal ≥ 0.3);
// - delivered/s to running lifecycles ÷ bare Temporal signals/s to running
//   workflows (goal ≥ 0.7);
// - a signed message → the initiative closed in what GET reads, p50 and p99 at
//   steady rates, ÷ a bare Kafka → signal → query round trip (goal ≤ 2 at up to
//   10 per second, ≤ 3 above);
// - a month-end of 50 000 confirmations over 5 000 pending closures: the time
//   until each is applied and delivered, the ledger's sums and the closures.
describe('benchmark: the finance path at month-end', () => {
  let initiatives: StackProcess;
  let finance: StackProcess;
  let worker: StackProcess;
  let database: DataSource;
  let client: Client;
  let kafka: Kafka;
  let producer: Producer;
  let emptyWorker: { stop(): Promise<void> } | undefined;
  let people: InitiativePeople;
  let pendingTemplate: LifecycleState;
  let openTemplate: LifecycleState;
  const emptyQueue = `bench-raw-signal-${randomUUID()}`;
  /** Lifecycles left open by a part, ended after the last part so that their ending weighs on none. */
  const openLifecycles: string[] = [];
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    [initiatives, finance, worker] = await Promise.all([StackProcess.start('initiatives'), StackProcess.start('finance'), StackProcess.start('worker')]);
    database = await new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl }).initialize();
    quietTemporalRuntime();
    client = new Client({ connection: await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress }), namespace: TEST_ENVIRONMENT.temporalNamespace });
    kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-bench' });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    emptyWorker = await startEmptyUpdateWorker(emptyQueue);
    // Two initiatives walked through the API to stage 4: one with its closure pending, one without.
    people = initiativePeople();
    const programId = await announceProgram(database, 'Month-end benchmark');
    const [pending, open] = await Promise.all([
      initiativeAtStage4(initiatives.baseUrl, programId, people),
      initiativeAtStage4(initiatives.baseUrl, programId, people, { requestClosure: false }),
    ]);
    [pendingTemplate, openTemplate] = await Promise.all([lifecycleStateOf(client, pending), lifecycleStateOf(client, open)]);
  });

  afterAll(async () => {
    await inParallel(openLifecycles, RAW_SIGNAL_CONCURRENCY, async (id) => void (await client.workflow.getHandle(initiativeWorkflowId(id)).terminate('benchmark over')));
    await emptyWorker?.stop();
    await producer?.disconnect();
    await client?.connection.close();
    const started = [
      { name: 'initiatives service', pid: initiatives?.pid },
      { name: 'finance service', pid: finance?.pid },
      { name: 'worker', pid: worker?.pid },
    ];
    await Promise.all([worker?.stop(), finance?.stop(), initiatives?.stop()]);
    await database?.destroy();
    report('Where the time of the services and the worker went, whole run', profileRows(started));
  });

  function signedConfirmation(initiativeId: string, confirmationId: string, amount: number): Message {
    const event = createEnvelope(
      {
        type: 'finance.value-confirmed',
        source: 'erp/bench',
        subject: initiativeId,
        data: { confirmationId, initiativeId, period: '2027-03', amount, currency: 'EUR', reference: 'GL month-end', controllerId: people.controller.id },
      },
      randomUUID(),
      new Date(),
    );
    const value = JSON.stringify(event);
    return { key: initiativeId, value, headers: { [FINANCE_SIGNATURE_HEADER]: signWithHmac(value, DEVELOPMENT_FINANCE_HMAC_SECRET) } };
  }

  async function sendAll(topic: string, messages: Message[], through = producer): Promise<void> {
    for (let offset = 0; offset < messages.length; offset += 1000) await through.send({ topic, messages: messages.slice(offset, offset + 1000) });
  }

  /**
   * A producer for a topic of the yardstick's own, gone after it: a producer
   * that once sent to a deleted topic fails every later metadata refresh.
   */
  async function withRawProducer<T>(work: (raw: Producer) => Promise<T>): Promise<T> {
    const raw = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await raw.connect();
    try {
      return await work(raw);
    } finally {
      await raw.disconnect();
    }
  }

  const countOf = async (sql: string, parameters: unknown[]) => Number((await database.query(sql, parameters))[0].n);

  /**
   * Untimed, between the parts: every event of the part before published and
   * every delivery made, then a moment for the consumers and the worker, so
   * that no part (nor its yardstick) is measured in the wake of the one before.
   */
  async function quiet(): Promise<void> {
    await eventually(
      () =>
        countOf(
          `SELECT (SELECT count(*) FROM finance.outbox_message WHERE published_at IS NULL) + (SELECT count(*) FROM initiatives.outbox_message WHERE published_at IS NULL)
                + (SELECT count(*) FROM finance.lifecycle_delivery WHERE delivered_at IS NULL) AS n`,
          [],
        ),
      (n) => n === 0,
      { what: 'the stack to settle', timeoutMs: 1_800_000, intervalMs: 500 },
    );
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }

  /** The same messages through a bare kafkajs consumer that inserts each batch with one multi-row INSERT; ms from its first batch to its last. */
  async function rawInsertingConsumer(messages: Message[]): Promise<number> {
    return withRawProducer((raw) => rawInsertingConsumerThrough(raw, messages));
  }

  async function rawInsertingConsumerThrough(raw: Producer, messages: Message[]): Promise<number> {
    const topic = `tollgate-bench.raw-inserts-${run}`;
    await ensureTopics(kafka, [topic]);
    const table = `public.bench_raw_insert_${run}`;
    await database.query(`CREATE TABLE ${table} (event_id uuid PRIMARY KEY, body jsonb NOT NULL)`);
    await sendAll(topic, messages, raw);
    const consumer = kafka.consumer({ groupId: `tollgate-bench-raw-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let first = 0;
    let inserted = 0;
    const done = new Promise<number>((resolve, reject) => {
      void consumer
        .run({
          partitionsConsumedConcurrently: 3,
          eachBatch: async ({ batch }) => {
            if (first === 0) first = performance.now();
            const bodies = batch.messages.map((message) => message.value!.toString());
            await database.query(`INSERT INTO ${table} (event_id, body) SELECT (body::jsonb->>'id')::uuid, body::jsonb FROM unnest($1::text[]) AS body`, [bodies]);
            inserted += bodies.length;
            if (inserted === messages.length) resolve(performance.now() - first);
          },
        })
        .catch(reject);
    });
    const ms = await done;
    await consumer.disconnect();
    await database.query(`DROP TABLE ${table}`);
    await deleteTopic(topic);
    return ms;
  }

  async function deleteTopic(topic: string): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }

  /** Bare signals to running workflows, `count` of them spread over `workflows`, RAW_SIGNAL_CONCURRENCY at a time; ms. */
  async function rawSignals(workflows: number, count: number): Promise<number> {
    const handles = await Promise.all(
      Array.from({ length: workflows }, () => client.workflow.start('emptyUpdateTarget', { taskQueue: emptyQueue, workflowId: `bench-raw-signal-${randomUUID()}` })),
    );
    const start = performance.now();
    await inParallel(
      Array.from({ length: count }, (_, index) => index),
      RAW_SIGNAL_CONCURRENCY,
      (index) => handles[index % workflows].signal(poke, index),
    );
    const ms = performance.now() - start;
    await inParallel(handles, RAW_SIGNAL_CONCURRENCY, (handle) => handle.signal(finish));
    return ms;
  }

  it(`month-end: ${MONTH_END_INITIATIVES * MONTH_END_EACH} confirmations over ${MONTH_END_INITIATIVES} pending closures, applied, delivered and closed`, async () => {
    const states = await cloneLifecycles(client, database, pendingTemplate, MONTH_END_INITIATIVES);
    const ids = states.map((state) => state.initiativeId);
    await quiet();
    // Round by round over the initiatives, as a ledger posts them: amounts 1000, 1001, … per round.
    const messages = Array.from({ length: MONTH_END_EACH }, (_, round) =>
      ids.map((id, index) => signedConfirmation(id, `me-${run}-${round}-${index}`, 1000 + round)),
    ).flat();
    const started = performance.now();
    await sendAll(testTopic(TOPICS.financeValueConfirmations), messages);
    const sentMs = performance.now() - started;
    const pattern = `me-${run}-%`;
    await eventually(() => countOf(`SELECT count(*) AS n FROM finance.confirmation WHERE confirmation_id LIKE $1`, [pattern]), (n) => n === messages.length, {
      what: 'every confirmation applied',
      timeoutMs: 3_600_000,
      intervalMs: 100,
    });
    const appliedMs = performance.now() - started;
    // Like the yardstick's, from the first batch applied to the last (each is stamped when applied).
    const [window] = (await database.query(
      `SELECT extract(epoch FROM max(confirmed_at) - min(confirmed_at)) * 1000 AS ms FROM finance.confirmation WHERE confirmation_id LIKE $1`,
      [pattern],
    )) as { ms: string }[];
    const applyingMs = Math.max(1, Number(window.ms));
    await eventually(
      () => countOf(`SELECT count(*) AS n FROM finance.lifecycle_delivery WHERE record_id LIKE $1 AND delivered_at IS NOT NULL`, [pattern]),
      (n) => n === messages.length,
      { what: 'every confirmation delivered', timeoutMs: 3_600_000, intervalMs: 250 },
    );
    const deliveredMs = performance.now() - started;
    await eventually(() => countOf(`SELECT count(*) AS n FROM initiatives.initiative WHERE id = ANY($1) AND stage = 5`, [ids]), (n) => n === ids.length, {
      what: 'every initiative closed',
      timeoutMs: 3_600_000,
      intervalMs: 250,
    });
    const closedMs = performance.now() - started;
    await eventually(() => countOf(`SELECT count(*) AS n FROM finance.ledger_initiative WHERE initiative_id = ANY($1) AND closure_state = 'closed'`, [ids]), (n) => n === ids.length, {
      what: "every closure in finance's ledger",
      timeoutMs: 3_600_000,
      intervalMs: 250,
    });
    const ledgerClosedMs = performance.now() - started;
    const expectedSum = Array.from({ length: MONTH_END_EACH }, (_, round) => 1000 + round).reduce((sum, amount) => sum + amount, 0);
    const sums = (await database.query(`SELECT sum(amount)::bigint AS total, count(*)::int AS n FROM finance.confirmation WHERE initiative_id = ANY($1) GROUP BY initiative_id`, [ids])) as {
      total: string;
      n: number;
    }[];
    const outcomes = (await database.query(`SELECT outcome, count(*)::int AS n FROM finance.lifecycle_delivery WHERE record_id LIKE $1 GROUP BY outcome ORDER BY outcome`, [pattern])) as {
      outcome: string;
      n: number;
    }[];

    await quiet();
    const rawMs = await rawInsertingConsumer(messages);
    report(`Month-end: ${messages.length} signed confirmations over ${ids.length} initiatives at stage 4 with closure pending`, [
      ['sent to the topic in (ms)', sentMs.toFixed(0)],
      ['all applied after (ms)', appliedMs.toFixed(0)],
      ['all delivered to their lifecycles after (ms)', deliveredMs.toFixed(0)],
      ['delivery outcomes', outcomes.map((row) => `${row.outcome} ${row.n}`).join(', ')],
      ['every initiative closed, as GET reads it, after (ms)', closedMs.toFixed(0)],
      ["every closure in finance's ledger after (ms)", ledgerClosedMs.toFixed(0)],
      ['ledger totals equal to the sums sent', `${sums.filter((row) => Number(row.total) === expectedSum && row.n === MONTH_END_EACH).length} of ${ids.length} initiatives`],
      ['applied per second, from the first message sent', perSecond(messages.length, appliedMs)],
      ['applied per second, from the first batch applied to the last', perSecond(messages.length, applyingMs)],
      ['delivered per second (to running and to closed lifecycles)', perSecond(messages.length, deliveredMs)],
      ['raw: kafkajs consumer, one multi-row INSERT per batch, per second', perSecond(messages.length, rawMs)],
      ['ratio (applied, first batch to last ÷ raw), goal ≥ 0.3', (rawMs / applyingMs).toFixed(3)],
    ]);
    expect(sums.filter((row) => Number(row.total) === expectedSum && row.n === MONTH_END_EACH)).toHaveLength(ids.length);
  });

  it(`delivery: ${RUNNING_INITIATIVES * RUNNING_EACH} confirmations to ${RUNNING_INITIATIVES} running lifecycles against raw signals`, async () => {
    const states = await cloneLifecycles(client, database, openTemplate, RUNNING_INITIATIVES);
    const ids = states.map((state) => state.initiativeId);
    openLifecycles.push(...ids);
    await quiet();
    const messages = Array.from({ length: RUNNING_EACH }, (_, round) => ids.map((id, index) => signedConfirmation(id, `run-${run}-${round}-${index}`, 10 + round))).flat();
    const pattern = `run-${run}-%`;
    const started = performance.now();
    await sendAll(testTopic(TOPICS.financeValueConfirmations), messages);
    await eventually(
      () => countOf(`SELECT count(*) AS n FROM finance.lifecycle_delivery WHERE record_id LIKE $1 AND outcome = 'delivered'`, [pattern]),
      (n) => n === messages.length,
      { what: 'every confirmation delivered to its running lifecycle', timeoutMs: 3_600_000, intervalMs: 250 },
    );
    const deliveredMs = performance.now() - started;
    // Every lifecycle holds its confirmations, each once.
    const held = await Promise.all(ids.slice(0, 20).map(async (id) => (await lifecycleStateOf(client, id)).confirmations.length));
    await quiet();
    const rawMs = await rawSignals(RUNNING_INITIATIVES, messages.length);
    report(`Delivery: ${messages.length} confirmations to ${ids.length} running lifecycles, ${RUNNING_EACH} each`, [
      ['delivered per second, from the first message sent to the last delivery', perSecond(messages.length, deliveredMs)],
      [`raw: Temporal signals to ${RUNNING_INITIATIVES} running workflows, ${RAW_SIGNAL_CONCURRENCY} at a time, per second`, perSecond(messages.length, rawMs)],
      ['ratio (delivered ÷ raw), goal ≥ 0.7', (rawMs / deliveredMs).toFixed(3)],
    ]);
    expect(held).toEqual(held.map(() => RUNNING_EACH));
  });

  it.each(RATES)('latency at %d confirmations per second: message → initiative closed, against a raw Kafka → signal → query round trip', async (rate) => {
    const count = rate * LATENCY_SECONDS;
    const states = await cloneLifecycles(client, database, pendingTemplate, count);
    const ids = states.map((state) => state.initiativeId);
    await quiet();
    const sentAt = new Map<string, number>();
    const sentWallAt = new Map<string, number>();
    const closedAt = new Map<string, number>();
    let watching = true;
    const watcher = (async () => {
      while (watching && closedAt.size < count) {
        const rows = (await database.query(`SELECT id FROM initiatives.initiative WHERE id = ANY($1) AND stage = 5`, [ids])) as { id: string }[];
        const now = performance.now();
        for (const row of rows) if (!closedAt.has(row.id)) closedAt.set(row.id, now);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await atSteadyRate(ids, rate, async (id) => {
      const message = signedConfirmation(id, `lat-${run}-${randomUUID()}`, 250_000);
      sentAt.set(id, performance.now());
      sentWallAt.set(id, Date.now());
      await producer.send({ topic: testTopic(TOPICS.financeValueConfirmations), messages: [message] });
    });
    await eventually(async () => closedAt.size, (closed) => closed === count, { what: 'every initiative closed', timeoutMs: 600_000, intervalMs: 200 });
    watching = false;
    await watcher;
    const latencies = ids.map((id) => closedAt.get(id)! - sentAt.get(id)!);
    // Finance's part of it: until the dispatcher's signal was taken by Temporal (the database's clock is this machine's).
    const deliveries = (await database.query(`SELECT initiative_id, delivered_at FROM finance.lifecycle_delivery WHERE initiative_id = ANY($1)`, [ids])) as {
      initiative_id: string;
      delivered_at: Date;
    }[];
    const toDelivery = deliveries.map((row) => row.delivered_at.getTime() - sentWallAt.get(row.initiative_id)!);

    await quiet();
    // The yardstick: a bare consumer turns each message into a signal to a running workflow, then queries it.
    const target = await client.workflow.start('emptyUpdateTarget', { taskQueue: emptyQueue, workflowId: `bench-raw-round-trip-${randomUUID()}` });
    const rawTopic = `tollgate-bench.raw-round-trip-${run}-${rate}`;
    await ensureTopics(kafka, [rawTopic]);
    const rawRun = `raw-${randomUUID()}`;
    const rawSent = new Map<string, number>();
    const rawDone = new Map<string, number>();
    const consumer = kafka.consumer({ groupId: `tollgate-bench-raw-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: rawTopic, fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      // Every message of a batch at once: the yardstick must not queue behind itself at the higher rate.
      eachBatch: async ({ batch }) => {
        await Promise.all(
          batch.messages.map(async (message) => {
            const key = message.key?.toString() ?? '';
            if (!key.startsWith(rawRun)) return;
            await target.signal(poke, 1);
            await target.query(pokes);
            rawDone.set(key, performance.now());
          }),
        );
      },
    });
    await joined;
    const rawKeys = Array.from({ length: count }, (_, index) => `${rawRun}-${index}`);
    await withRawProducer((raw) =>
      atSteadyRate(rawKeys, rate, async (key) => {
        rawSent.set(key, performance.now());
        await raw.send({ topic: rawTopic, messages: [{ key, value: '{}' }] });
      }),
    );
    await eventually(async () => rawDone.size, (done) => done === count, { what: 'every raw round trip', timeoutMs: 300_000, intervalMs: 100 });
    const raw = rawKeys.map((key) => rawDone.get(key)! - rawSent.get(key)!);
    await consumer.disconnect();
    await target.signal(finish);
    await deleteTopic(rawTopic);

    report(`From a signed confirmation on Kafka to the initiative shown closed, at ${rate} per second`, [
      ['initiatives closed', count],
      ['p50 message → closed (ms)', percentile(latencies, 50).toFixed(0)],
      ['p99 message → closed (ms)', percentile(latencies, 99).toFixed(0)],
      ["p50 message → delivered to the lifecycle (finance's part, ms)", percentile(toDelivery, 50).toFixed(0)],
      ["p99 message → delivered to the lifecycle (finance's part, ms)", percentile(toDelivery, 99).toFixed(0)],
      ['p50 raw Kafka → signal → query (ms)', percentile(raw, 50).toFixed(0)],
      ['p99 raw Kafka → signal → query (ms)', percentile(raw, 99).toFixed(0)],
      [`p99 ÷ raw p99, goal ≤ ${rate <= 10 ? 2 : 3}`, (percentile(latencies, 99) / percentile(raw, 99)).toFixed(1)],
    ]);
    expect(latencies).toHaveLength(count);
  });
});
