import { DEVELOPMENT_KEY_ID, developmentSigningKey } from '@tollgate/config';
import type { EventEnvelope, EventEnvelopeOf, EventType, ProducingService } from '@tollgate/contracts';
import { createKafka, EnvelopeSigner } from '@tollgate/messaging';
import { AssignerProtocol, Partitioners, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { TEST_ENVIRONMENT, testTopic } from './test-environment';

// Topic names here are the contract's; the test run's prefix is added at the broker.

/** Reads a topic from the beginning with a throwaway group until a message matches. */
export async function findMessage(
  topic: string,
  matches: (message: KafkaMessage) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaMessage> {
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-reader' });
  const consumer = kafka.consumer({ groupId: `tollgate-test-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: testTopic(topic), fromBeginning: true });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (matches(message)) {
            clearTimeout(timer);
            resolve(message);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Sends raw bytes to a topic, as an outside producer would. */
export async function produceRaw(
  topic: string,
  key: string,
  value: string | Buffer,
  headers: Record<string, string> = {},
  topicPrefix = TEST_ENVIRONMENT.topicPrefix,
): Promise<{ partition: number; offset: string }> {
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-producer' });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const [sent] = await producer.send({ topic: `${topicPrefix}${topic}`, acks: -1, messages: [{ key, value, headers }] });
    return { partition: sent.partition, offset: sent.baseOffset ?? sent.offset ?? '0' };
  } finally {
    await producer.disconnect();
  }
}

/** Sends raw messages in one request, so that they reach the consumer together, in this order, as one batch of one partition. */
export async function produceRawTogether(topic: string, key: string, messages: { value: string | Buffer; headers?: Record<string, string> }[]): Promise<void> {
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-producer' });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic: testTopic(topic), acks: -1, messages: messages.map((message) => ({ key, ...message })) });
  } finally {
    await producer.disconnect();
  }
}

/** Resolves once a consumer group has committed past a message: it has been handled, whatever became of it. */
export async function consumedPast(groupId: string, topic: string, at: { partition: number; offset: string }): Promise<void> {
  const admin = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-admin' }).admin();
  await admin.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [testTopic(topic)] });
      const committed = offsets.partitions.find((partition) => partition.partition === at.partition)?.offset ?? '-1';
      if (BigInt(committed) > BigInt(at.offset)) return;
      if (Date.now() > deadline) throw new Error(`group ${groupId} did not get past offset ${at.offset} of ${topic}/${at.partition}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/** The headers a service's outbox relay would put on these bytes, signed with its development key. */
export function signedBy(service: ProducingService, value: string | Buffer): Record<string, string> {
  return new EnvelopeSigner(service, DEVELOPMENT_KEY_ID, developmentSigningKey(service)).headers(Buffer.from(value));
}

/** Publishes an envelope as its owner's relay does: signed with that service's key. */
export async function produceSigned(
  service: ProducingService,
  topic: string,
  envelope: EventEnvelope | EventEnvelopeOf<EventType>,
  topicPrefix = TEST_ENVIRONMENT.topicPrefix,
): Promise<{ partition: number; offset: string }> {
  const value = JSON.stringify(envelope);
  return produceRaw(topic, envelope.subject, value, signedBy(service, value), topicPrefix);
}

/**
 * Reads a topic, by its Kafka name, from the beginning up to its end as it
 * stands when called, handing each message to `visit` in its partition's
 * order until `visit` answers true. Answers whether it did; undefined when the
 * topic does not exist.
 */
async function readKafkaTopic(kafkaTopic: string, visit: (message: KafkaMessage) => boolean, timeoutMs: number): Promise<boolean | undefined> {
  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-reader' });
  const admin = kafka.admin();
  await admin.connect();
  let ends: Array<{ partition: number; high: string; low: string }>;
  try {
    if (!(await admin.listTopics()).includes(kafkaTopic)) return undefined;
    ends = await admin.fetchTopicOffsets(kafkaTopic);
  } finally {
    await admin.disconnect();
  }
  const pending = new Set(ends.filter((end) => BigInt(end.high) > BigInt(end.low)).map((end) => end.partition));
  if (pending.size === 0) return false;
  const consumer = kafka.consumer({ groupId: `tollgate-test-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: kafkaTopic, fromBeginning: true });
    return await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not read ${kafkaTopic} to its end within ${timeoutMs} ms`)), timeoutMs);
      const settle = (found: boolean) => {
        clearTimeout(timer);
        resolve(found);
      };
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const end = ends.find((candidate) => candidate.partition === partition)!;
          // Written after the call: beyond the end it stood at.
          if (BigInt(message.offset) >= BigInt(end.high)) return;
          if (visit(message)) return settle(true);
          if (BigInt(message.offset) + 1n >= BigInt(end.high)) pending.delete(partition);
          if (pending.size === 0) settle(false);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

/**
 * Whether a topic, by its Kafka name (no test prefix added), holds a matching
 * message up to its current end; false for a topic that does not exist.
 * For checking that the test run wrote nothing where a development stack reads.
 */
export async function rawTopicHolds(kafkaTopic: string, matches: (message: KafkaMessage) => boolean): Promise<boolean> {
  return (await readKafkaTopic(kafkaTopic, matches, 30_000)) ?? false;
}

/**
 * Every message of a topic (the contract's name) from the beginning up to its
 * end as it stands when called, each partition's in its order, which is the
 * order one key's messages were written in.
 */
export async function readToEnd(topic: string, timeoutMs = 60_000): Promise<KafkaMessage[]> {
  const messages: KafkaMessage[] = [];
  const collect = (message: KafkaMessage) => {
    messages.push(message);
    return false;
  };
  const read = await readKafkaTopic(testTopic(topic), collect, timeoutMs);
  if (read === undefined) throw new Error(`topic ${testTopic(topic)} does not exist`);
  return messages;
}

/** A live consumer group as the broker sees it: its members, and what of the topics they read none of them owns. */
export interface GroupMembership {
  groupId: string;
  state: string;
  members: number;
  /** The Kafka names of the topics its members subscribe to. */
  topics: string[];
  /** `topic/partition` of those topics that no member is assigned. */
  unowned: string[];
}

/** The consumer groups with members whose name starts with `prefix` (`<group prefix>-<service>.`). */
export async function liveGroups(prefix: string): Promise<GroupMembership[]> {
  const admin = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-admin' }).admin();
  await admin.connect();
  try {
    const ids = (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix));
    if (ids.length === 0) return [];
    const { groups } = await admin.describeGroups(ids);
    const live = groups.filter((group) => group.members.length > 0);
    const topics = [...new Set(live.flatMap((group) => group.members.flatMap((member) => AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? [])))];
    const partitions = topics.length ? (await admin.fetchTopicMetadata({ topics })).topics : [];
    return live.map((group) => {
      const subscribed = [...new Set(group.members.flatMap((member) => AssignerProtocol.MemberMetadata.decode(member.memberMetadata)?.topics ?? []))].sort();
      const owned = new Set(
        group.members.flatMap((member) =>
          Object.entries(AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment ?? {}).flatMap(([topic, numbers]) => numbers.map((number) => `${topic}/${number}`)),
        ),
      );
      const all = partitions.filter((topic) => subscribed.includes(topic.name)).flatMap((topic) => topic.partitions.map((partition) => `${topic.name}/${partition.partitionId}`));
      return { groupId: group.groupId, state: group.state, members: group.members.length, topics: subscribed, unowned: all.filter((partition) => !owned.has(partition)) };
    });
  } finally {
    await admin.disconnect();
  }
}

/** The messages on `topics` (Kafka names) that a group has not committed yet: its consumer lag. */
export async function consumerLag(groupId: string, topics: string[]): Promise<number> {
  const admin = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-admin' }).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0n;
    for (const topic of topics) {
      for (const end of await admin.fetchTopicOffsets(topic)) {
        const offset = BigInt(committed.find((entry) => entry.topic === topic)?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1');
        // Nothing committed yet: the group is behind by every message the partition holds.
        lag += BigInt(end.high) - (offset < 0n ? BigInt(end.low) : offset);
      }
    }
    return Number(lag);
  } finally {
    await admin.disconnect();
  }
}
