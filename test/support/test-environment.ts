/**
 * Where the tests find the real stack. The database must be one named for
 * tests, and Temporal work runs in its own namespace, so a test run never
 * touches the development data.
 */
export const TEST_ENVIRONMENT = {
  databaseUrl: process.env.TOLLGATE_TEST_DATABASE_URL ?? 'postgres://tollgate:tollgate@127.0.0.1:5432/tollgate_test',
  kafkaBrokers: (process.env.TOLLGATE_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  temporalAddress: process.env.TOLLGATE_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: process.env.TOLLGATE_TEST_TEMPORAL_NAMESPACE ?? 'tollgate-test',
  workflowBundle: process.env.TOLLGATE_WORKFLOW_BUNDLE ?? 'dist/workflows/workflow-bundle.js',
  // Topics and consumer groups of the test run's own: a development stack on
  // the same brokers neither feeds nor reads them.
  topicPrefix: process.env.TOLLGATE_TEST_TOPIC_PREFIX ?? 'test.',
  groupPrefix: process.env.TOLLGATE_TEST_GROUP_PREFIX ?? 'tollgate-test',
  jwtSecret: 'tollgate-dev-secret',
};

/** The settings a service under test runs with. */
export function serviceTestEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TOLLGATE_DATABASE_URL: TEST_ENVIRONMENT.databaseUrl,
    TOLLGATE_KAFKA_BROKERS: TEST_ENVIRONMENT.kafkaBrokers.join(','),
    // Apart from a development stack's topics and consumers on the same brokers.
    TOLLGATE_KAFKA_GROUP_PREFIX: TEST_ENVIRONMENT.groupPrefix,
    TOLLGATE_KAFKA_TOPIC_PREFIX: TEST_ENVIRONMENT.topicPrefix,
    TOLLGATE_TEMPORAL_ADDRESS: TEST_ENVIRONMENT.temporalAddress,
    TOLLGATE_TEMPORAL_NAMESPACE: TEST_ENVIRONMENT.temporalNamespace,
    TOLLGATE_LOG_LEVEL: 'warn',
    TOLLGATE_OUTBOX_POLL_MS: '50',
    ...extra,
  };
}

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/(^|_)test$/.test(name)) {
    throw new Error(`refusing to run tests against database '${name}': its name must end in _test`);
  }
}

/** The Kafka name of a contract topic in the test run. */
export function testTopic(topic: string): string {
  return `${TEST_ENVIRONMENT.topicPrefix}${topic}`;
}

/** A consumer group of a service under test, `<prefix>-<service>.<purpose>`. */
export function testGroup(purpose: string): string {
  return `${TEST_ENVIRONMENT.groupPrefix}-${purpose}`;
}
