import { createEnvelope, FINANCE_SIGNATURE_HEADER, TOPICS } from '@tollgate/contracts';
import { createKafka } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { DEVELOPMENT_FINANCE_HMAC_SECRET } from '../../services/finance/src/config/finance.config';
import { signFinanceMessage } from '../../services/finance/src/confirmation/confirmation-signature';
import { eventually } from '../support/eventually';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT, testTopic } from '../support/test-environment';
import { signedBy } from '../support/topic-reader';
import { perSecond, report } from './bench-report';

const MESSAGES = Number(process.env.BENCH_CONFIRMATIONS ?? 2000);
const INITIATIVES = Number(process.env.BENCH_CONFIRMATION_INITIATIVES ?? 50);

// Inbound confirmations applied per second (signature, validation,
// idempotency, ledger write with its event, delivery to the lifecycle)
// beside raw kafkajs consumption of the same messages. Goal: ratio ≥ 0.7.
// The initiatives are announced as the initiatives service would announce
// them, so every delivery ends as `lifecycle_ended`: the signal is still sent.
describe('benchmark: inbound confirmations against raw consumption', () => {
  let finance: RunningService;

  beforeAll(async () => {
    finance = await startService('finance', { TOLLGATE_LOG_LEVEL: 'error' });
    await finance.ready();
  });

  afterAll(async () => {
    await finance?.close();
  });

  it('prints confirmations applied per second, raw consumption per second, and their ratio', async () => {
    const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-bench' });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const run = randomUUID().slice(0, 8);
    const controllerId = `bench-controller-${run}`;
    const initiativeIds = Array.from({ length: INITIATIVES }, (_, index) => `bench-${run}-${index}`);
    await producer.send({
      topic: testTopic(TOPICS.initiativesEvents),
      messages: initiativeIds.map((initiativeId, index) => {
        const event = createEnvelope(
          {
            type: 'initiative.created',
            source: 'tollgate/initiatives',
            subject: initiativeId,
            data: {
              initiativeId,
              programId: `bench-program-${run}`,
              code: `B${run.slice(0, 6)}${index}`,
              title: `Bench ${index}`,
              ownerId: 'bench-owner',
              sponsorId: 'bench-sponsor',
              controllerId,
              category: 'cost',
              currency: 'EUR',
              stage: 0,
              status: 'on_track',
              plannedValue: 1_000_000,
              measures: [],
            },
          },
          randomUUID(),
          new Date(),
        );
        const value = JSON.stringify(event);
        return { key: initiativeId, value, headers: signedBy('initiatives', value) };
      }),
    });
    await eventually(
      async () => Number((await finance.dataSource.query(`SELECT count(*) AS n FROM finance.ledger_initiative WHERE program_id = $1`, [`bench-program-${run}`]))[0].n),
      (count) => count === INITIATIVES,
      { what: 'finance to learn the benchmark initiatives', timeoutMs: 600_000, intervalMs: 250 },
    );

    const messages = Array.from({ length: MESSAGES }, (_, index) => {
      const initiativeId = initiativeIds[index % INITIATIVES];
      const event = createEnvelope(
        {
          type: 'finance.value-confirmed',
          source: 'erp/bench',
          subject: initiativeId,
          data: { confirmationId: `bench-${run}-${index}`, initiativeId, period: '2027-03', amount: 100, currency: 'EUR', reference: 'bench', controllerId },
        },
        randomUUID(),
        new Date(),
      );
      const value = JSON.stringify(event);
      return { key: initiativeId, value, headers: { [FINANCE_SIGNATURE_HEADER]: signFinanceMessage(value, DEVELOPMENT_FINANCE_HMAC_SECRET) } };
    });

    const started = performance.now();
    for (let offset = 0; offset < messages.length; offset += 500) {
      await producer.send({ topic: testTopic(TOPICS.financeValueConfirmations), messages: messages.slice(offset, offset + 500) });
    }
    const applied = () =>
      finance.dataSource.query(`SELECT count(*) AS n FROM finance.confirmation WHERE confirmation_id LIKE $1`, [`bench-${run}-%`]).then((rows) => Number(rows[0].n));
    await eventually(applied, (count) => count === MESSAGES, { what: 'every confirmation applied', timeoutMs: 1_800_000, intervalMs: 100 });
    const appliedMs = performance.now() - started;
    // Delivered: the dispatcher has signalled the lifecycle (or found it ended) and recorded the outcome.
    const delivered = () =>
      finance.dataSource
        .query(`SELECT count(*) AS n FROM finance.lifecycle_delivery WHERE record_id LIKE $1 AND delivered_at IS NOT NULL`, [`bench-${run}-%`])
        .then((rows) => Number(rows[0].n));
    await eventually(
      delivered,
      (count) => count >= MESSAGES,
      { what: 'every delivery signalled', timeoutMs: 1_800_000, intervalMs: 500 },
    );
    const deliveredMs = performance.now() - started;

    // The same messages through a bare kafkajs consumer that only counts them.
    const consumer = kafka.consumer({ groupId: `tollgate-bench-raw-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: testTopic(TOPICS.financeValueConfirmations), fromBeginning: true });
    let first = 0;
    let seen = 0;
    const rawDone = new Promise<number>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (!message.key?.toString().startsWith(`bench-${run}-`)) return;
          if (seen === 0) first = performance.now();
          seen += 1;
          if (seen === MESSAGES) resolve(performance.now() - first);
        },
      });
    });
    const rawMs = await rawDone;
    await consumer.disconnect();
    await producer.disconnect();

    const appliedRate = MESSAGES / (appliedMs / 1000);
    const rawRate = MESSAGES / (rawMs / 1000);
    report('Inbound confirmations applied vs raw kafkajs consumption', [
      ['signed confirmations on the topic', MESSAGES],
      ['initiatives they confirm', INITIATIVES],
      ['applied to the ledger per second (signature, validation, idempotency, write + event)', perSecond(MESSAGES, appliedMs)],
      ['delivered to the lifecycle per second (delivery workflow + signal)', perSecond(MESSAGES, deliveredMs)],
      ['raw kafkajs consumption per second', perSecond(MESSAGES, rawMs)],
      ['ratio (applied ÷ raw), goal ≥ 0.7', (appliedRate / rawRate).toFixed(3)],
    ]);
    expect(seen).toBe(MESSAGES);
  });
});
