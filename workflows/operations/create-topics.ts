import { kafkaCluster, kafkaClusterEnvironment, loadConfigOrExit } from '@tollgate/config';
import { allTopics } from '@tollgate/contracts';
import { createKafka, ensureTopics } from '@tollgate/messaging';
import { z } from 'zod';

const config = loadConfigOrExit(
  z.object({
    TOLLGATE_KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
    TOLLGATE_KAFKA_PARTITIONS: z.coerce.number().int().min(1).default(3),
    TOLLGATE_KAFKA_TOPIC_PREFIX: z.string().trim().regex(/^[A-Za-z0-9._-]*$/).default(''),
    NODE_ENV: z.string().default('development'),
    ...kafkaClusterEnvironment,
  }).transform((env, context) => ({
    ...env,
    cluster: kafkaCluster(env, env.NODE_ENV === 'production', (setting, message) => context.issues.push({ code: 'custom', input: env, message, path: [setting] })),
  })),
);
const topics = allTopics(config.TOLLGATE_KAFKA_TOPIC_PREFIX);

// Creates the contract's topics and their dead-letter topics where missing.
ensureTopics(
  createKafka({ brokers: config.TOLLGATE_KAFKA_BROKERS.split(',').map((broker) => broker.trim()), clientId: 'tollgate-topics', ...config.cluster }),
  topics,
  config.TOLLGATE_KAFKA_PARTITIONS,
)
  .then((created) => {
    process.stdout.write(created.length ? `created topics: ${created.join(', ')}\n` : `all ${topics.length} topics exist\n`);
  })
  .catch((error: Error) => {
    process.stderr.write(`creating topics failed: ${error.message}\n`);
    process.exit(1);
  });
