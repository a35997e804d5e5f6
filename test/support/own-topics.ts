import { allTopics } from '@tollgate/contracts';
import { createKafka, ensureTopics } from '@tollgate/messaging';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { TEST_ENVIRONMENT } from './test-environment';

/**
 * Topics and consumer groups of one test file's own, inside the run's: for a
 * test whose processes publish so much (a 10 000-row import) that the suites
 * after it would otherwise start by consuming its backlog. Deleted when done.
 */
export class OwnTopics {
  readonly topicPrefix: string;
  readonly groupPrefix: string;
  private readonly kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-own-topics' });

  constructor(label: string) {
    const run = randomUUID().slice(0, 8);
    // Under the run's prefix, so that a later run's setup clears them even if this one could not.
    this.topicPrefix = `${TEST_ENVIRONMENT.topicPrefix}${label}-${run}.`;
    this.groupPrefix = `${TEST_ENVIRONMENT.groupPrefix}-${label}-${run}`;
  }

  /** The settings that point a service at these topics and groups. */
  get env(): Record<string, string> {
    return { TOLLGATE_KAFKA_TOPIC_PREFIX: this.topicPrefix, TOLLGATE_KAFKA_GROUP_PREFIX: this.groupPrefix };
  }

  async create(): Promise<void> {
    await ensureTopics(this.kafka, allTopics(this.topicPrefix));
  }

  async delete(): Promise<void> {
    await deleteTopicsUnder(this.kafka, this.topicPrefix);
  }
}

/** Deletes every topic whose name starts with `prefix`, and waits until the broker has freed their names. */
export async function deleteTopicsUnder(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 30_000 });
    // Deletion is asynchronous in the broker: wait until the names are free again.
    const deadline = Date.now() + 30_000;
    while ((await admin.listTopics()).some((topic) => ours.includes(topic))) {
      if (Date.now() > deadline) throw new Error(`the topics ${ours.join(', ')} were not deleted within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await admin.disconnect();
  }
}
