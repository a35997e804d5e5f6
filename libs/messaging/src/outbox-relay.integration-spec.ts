import type { Kafka, Producer, ProducerBatch } from 'kafkajs';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { readToEnd } from '../../../test/support/topic-reader';
import { assertTestDatabase, TEST_ENVIRONMENT, testTopic } from '../../../test/support/test-environment';
import { EnvelopeSigner } from './envelope-signing';
import { createKafka } from './kafka-connection';
import { enqueueEvent } from './outbox';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { ensureTopics } from './topic-admin';

/** The real broker, with each send held until the test lets it go: a relay whose network is slow. */
function heldKafka(kafka: Kafka): { kafka: Kafka; sends: Array<{ release: (failure?: Error) => void }>; sent: Promise<void>[] } {
  const sends: Array<{ release: (failure?: Error) => void }> = [];
  const sent: Promise<void>[] = [];
  const held = {
    producer: (options: Parameters<Kafka['producer']>[0]): Producer => {
      const producer = kafka.producer(options);
      return Object.assign(Object.create(producer) as Producer, {
        connect: () => producer.connect(),
        disconnect: () => producer.disconnect(),
        sendBatch: (batch: ProducerBatch) => {
          let release!: (failure?: Error) => void;
          const gate = new Promise<void>((resolve, reject) => (release = (failure) => (failure ? reject(failure) : resolve())));
          sends.push({ release });
          const sending = gate.then(() => producer.sendBatch(batch));
          sent.push(sending.then(() => undefined, () => undefined));
          return sending;
        },
      });
    },
  };
  return { kafka: held as unknown as Kafka, sends, sent };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Two instances of a service relay one outbox. One initiative's events must
// reach Kafka in the order they were written, whichever instance sends them
// and however slow its network: consumers apply them in the order they read.
describe('the outbox relay with two instances of a service', () => {
  const run = randomUUID().slice(0, 8);
  const schema = `relay_order_${run}`;
  const topic = `relay-order-${run}`;
  const signer = new EnvelopeSigner('initiatives', 'relay-order', generateKeyPairSync('ed25519').privateKey);
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: `tollgate-test-relay-${run}` });
  let dataSource: DataSource;

  beforeAll(async () => {
    assertTestDatabase(TEST_ENVIRONMENT.databaseUrl);
    const setup = new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl });
    await setup.initialize();
    await setup.query(`CREATE SCHEMA ${schema}`);
    await setup.destroy();
    // A schema of the test's own: the outbox table as the services' migrations make it.
    dataSource = new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl, schema, entities: [OutboxMessage], synchronize: true });
    await dataSource.initialize();
    await ensureTopics(kafka, [testTopic(topic)], 1);
  });

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  const programId = randomUUID();
  // Each event names its place in the initiative's history in its reason.
  const write = (initiativeId: string, step: number) =>
    dataSource.transaction((manager) =>
      enqueueEvent(manager, topic, {
        type: 'initiative.status-changed',
        source: 'tollgate/initiatives',
        subject: initiativeId,
        data: { initiativeId, programId, fromStatus: 'on_track', status: 'at_risk', reason: `step-${step}` },
      }),
    );

  const relay = (through: Kafka) => new OutboxRelay(dataSource, through, { pollIntervalMs: 60_000, signer, topicPrefix: TEST_ENVIRONMENT.topicPrefix });

  const publishedOrder = async (initiativeId: string) =>
    (await readToEnd(topic))
      .map((message) => JSON.parse(message.value!.toString()) as { subject: string; data: { reason: string } })
      .filter((envelope) => envelope.subject === initiativeId)
      .map((envelope) => envelope.data.reason);

  it("publishes an initiative's later event only after its earlier one, while the first instance is still sending", async () => {
    const initiativeId = randomUUID();
    const slow = heldKafka(kafka);
    const first = relay(slow.kafka);
    const second = relay(kafka);
    try {
      await write(initiativeId, 1);
      const firstBatch = first.relayOnce();
      await until(() => slow.sends.length === 1, 'the first instance to be sending');

      // Written while the first instance's send of the earlier event is still under way.
      await write(initiativeId, 2);
      const whileSending = await second.relayOnce();

      slow.sends[0].release();
      await firstBatch;
      const afterwards = await second.relayOnce();
      expect(await publishedOrder(initiativeId)).toEqual(['step-1', 'step-2']);
      // The second instance waited for the first rather than sending around it.
      expect({ whileSending, afterwards }).toEqual({ whileSending: 0, afterwards: 1 });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('lets the other instance publish everything, in order, when the sending one fails', async () => {
    const initiativeId = randomUUID();
    const slow = heldKafka(kafka);
    const failing = relay(slow.kafka);
    const other = relay(kafka);
    try {
      await write(initiativeId, 1);
      await write(initiativeId, 2);
      const failedBatch = failing.relayOnce();
      await until(() => slow.sends.length === 1, 'the first instance to be sending');
      await write(initiativeId, 3);
      await other.relayOnce();

      slow.sends[0].release(new Error('broker connection lost'));
      await expect(failedBatch).rejects.toThrow('broker connection lost');
      await other.relayOnce();
      expect(await publishedOrder(initiativeId)).toEqual(['step-1', 'step-2', 'step-3']);
      const unpublished = await dataSource.getRepository(OutboxMessage).count({ where: { publishedAt: IsNull() } });
      expect(unpublished).toBe(0);
    } finally {
      await Promise.all([failing.stop(), other.stop()]);
    }
  });
});
