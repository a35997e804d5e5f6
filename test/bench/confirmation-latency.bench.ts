import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createEnvelope, FINANCE_SIGNATURE_HEADER, TOPICS } from '@tollgate/contracts';
import { createKafka, ensureTopics } from '@tollgate/messaging';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Partitioners } from 'kafkajs';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../../services/finance/src/config/finance.config';
import { signFinanceMessage } from '../../services/finance/src/confirmation/confirmation-signature';
import { eventually } from '../support/eventually';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { announceProgram } from '../support/org-nodes';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT, testTopic } from '../support/test-environment';
import { inParallel, report } from './bench-report';
import { finish, poke } from './empty-update/empty-update.workflow';
import { spawnWorkflowWorker } from './worker-process';

const RATE = Number(process.env.BENCH_CONFIRMATION_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_CONFIRMATION_SECONDS ?? 3);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sends `count` items at a steady `rate` per second, each at its own planned instant. */
async function atSteadyRate<T>(items: T[], rate: number, send: (item: T) => Promise<void>): Promise<void> {
  const start = performance.now();
  await Promise.all(
    items.map(async (item, index) => {
      const due = start + (index * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await send(item);
    }),
  );
}

// Latency from a signed confirmation on Kafka to the initiative shown closed
// (the projection that GET /api/initiatives/:id reads), p50 and p99 at a
// steady rate, beside the raw round trip of a Kafka message turned into a
// Temporal signal by a bare consumer. Goal: p99 within twice the raw round trip.
describe('benchmark: confirmation to closure latency', () => {
  let initiatives: RunningService;
  let finance: RunningService;
  let worker: ChildProcess;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    [initiatives, finance] = await Promise.all([
      startService('initiatives', { TOLLGATE_LOG_LEVEL: 'error' }),
      startService('finance', { TOLLGATE_LOG_LEVEL: 'error' }),
    ]);
    await Promise.all([initiatives.ready(), finance.ready()]);
    worker = await spawnWorkflowWorker();
    connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    temporal = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
  });

  afterAll(async () => {
    worker?.kill('SIGINT');
    await connection?.close();
    await Promise.all([initiatives?.close(), finance?.close()]);
  });

  it('prints p50 and p99 from message to closed, and of the raw round trip', async () => {
    const count = RATE * SECONDS;
    const programId = await announceProgram(initiatives.dataSource, 'Latency benchmark');
    const people = initiativePeople();
    const ids: string[] = [];
    await inParallel(Array.from({ length: count }, (_, index) => index), 10, async () => {
      ids.push(await initiativeAtStage4(initiatives.baseUrl, programId, people));
    });
    await eventually(
      async () => Number((await finance.dataSource.query(`SELECT count(*) AS n FROM finance.ledger_initiative WHERE initiative_id = ANY($1) AND closure_state = 'pending_confirmation'`, [ids]))[0].n),
      (known) => known === count,
      { what: 'finance to learn every pending closure', timeoutMs: 600_000, intervalMs: 250 },
    );

    const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-bench' });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const sentAt = new Map<string, number>();
    const closedAt = new Map<string, number>();
    let watching = true;
    const watcher = (async () => {
      while (watching && closedAt.size < count) {
        const rows = (await initiatives.dataSource.query(`SELECT id FROM initiatives.initiative WHERE id = ANY($1) AND stage = 5`, [ids])) as { id: string }[];
        const now = performance.now();
        for (const row of rows) if (!closedAt.has(row.id)) closedAt.set(row.id, now);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await atSteadyRate(ids, RATE, async (initiativeId) => {
      const event = createEnvelope(
        {
          type: 'finance.value-confirmed',
          source: 'erp/bench',
          subject: initiativeId,
          data: { confirmationId: `latency-${randomUUID()}`, initiativeId, period: '2027-03', amount: 250_000, currency: 'EUR', reference: 'bench', controllerId: people.controller.id },
        },
        randomUUID(),
        new Date(),
      );
      const value = JSON.stringify(event);
      sentAt.set(initiativeId, performance.now());
      await producer.send({
        topic: testTopic(TOPICS.financeValueConfirmations),
        messages: [{ key: initiativeId, value, headers: { [FINANCE_SIGNATURE_HEADER]: signFinanceMessage(value, DEVELOPMENT_FINANCE_HMAC_SECRET) } }],
      });
    });
    await eventually(async () => closedAt.size, (closed) => closed === count, { what: 'every initiative closed', timeoutMs: 600_000, intervalMs: 200 });
    watching = false;
    await watcher;
    const latencies = ids.map((id) => closedAt.get(id)! - sentAt.get(id)!);

    // The yardstick: a bare consumer turns each message into a signal to an empty workflow.
    const workerConnection = await NativeConnection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    const taskQueue = `bench-raw-signal-${randomUUID()}`;
    const emptyWorker = await Worker.create({
      connection: workerConnection,
      namespace: TEST_ENVIRONMENT.temporalNamespace,
      taskQueue,
      workflowsPath: path.join(__dirname, 'empty-update/empty-update.workflow.ts'),
    });
    const running = emptyWorker.run();
    const target = await temporal.workflow.start('emptyUpdateTarget', { taskQueue, workflowId: `bench-raw-signal-${randomUUID()}` });
    // A topic of the benchmark's own: bare messages must not land on the contract's topics.
    const rawTopic = 'tollgate-bench.raw-round-trip';
    await ensureTopics(kafka, [rawTopic]);
    const rawRun = `raw-${randomUUID()}`;
    const rawSent = new Map<string, number>();
    const rawDone = new Map<string, number>();
    const consumer = kafka.consumer({ groupId: `tollgate-bench-raw-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: rawTopic, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? '';
        if (!key.startsWith(rawRun)) return;
        await target.signal(poke, 1);
        rawDone.set(key, performance.now());
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the group has joined
    const rawKeys = Array.from({ length: count }, (_, index) => `${rawRun}-${index}`);
    await atSteadyRate(rawKeys, RATE, async (key) => {
      rawSent.set(key, performance.now());
      await producer.send({ topic: rawTopic, messages: [{ key, value: '{}' }] });
    });
    await eventually(async () => rawDone.size, (done) => done === count, { what: 'every raw signal', timeoutMs: 120_000, intervalMs: 100 });
    const raw = rawKeys.map((key) => rawDone.get(key)! - rawSent.get(key)!);
    await consumer.disconnect();
    await target.signal(finish);
    emptyWorker.shutdown();
    await running;
    await workerConnection.close();
    await producer.disconnect();

    report('From a signed confirmation on Kafka to the initiative shown closed', [
      ['steady rate (messages per second)', RATE],
      ['initiatives closed', count],
      ['p50 message → closed (ms)', percentile(latencies, 50).toFixed(0)],
      ['p99 message → closed (ms)', percentile(latencies, 99).toFixed(0)],
      ['p50 raw Kafka → signal round trip (ms)', percentile(raw, 50).toFixed(0)],
      ['p99 raw Kafka → signal round trip (ms)', percentile(raw, 99).toFixed(0)],
      ['p99 ÷ raw p99, goal ≤ 2', (percentile(latencies, 99) / percentile(raw, 99)).toFixed(1)],
    ]);
    expect(latencies).toHaveLength(count);
  });
});
