import path from 'node:path';

/**
 * Where the tests find their infrastructure: PostgreSQL, Kafka and Temporal
 * of the tests' own, started by `npm test` on other ports than the
 * development stack's and with data under `.data-test/` (the fault tier's,
 * which its tests stop and kill, under `.data-fault/`; the benchmarks' under
 * `.data-bench/`; deploy/local/lib/common.sh holds the ports), so that a
 * test run never touches the stack a person is using. The database must be
 * one named for tests, and Temporal work runs in a namespace of the tests' own.
 */
const BASE = {
  databaseUrl: process.env.TOLLGATE_TEST_DATABASE_URL ?? 'postgres://tollgate:tollgate@127.0.0.1:15432/tollgate_test',
  temporalNamespace: process.env.TOLLGATE_TEST_TEMPORAL_NAMESPACE ?? 'tollgate-test',
  // Topics and consumer groups of the test run's own, so that one test's
  // leftovers can be told from another run's.
  topicPrefix: process.env.TOLLGATE_TEST_TOPIC_PREFIX ?? 'test.',
  groupPrefix: process.env.TOLLGATE_TEST_GROUP_PREFIX ?? 'tollgate-test',
};

/** Where one lane's suites keep their data: the infrastructure's parts a lane has to itself. */
export interface TestLane {
  databaseUrl: string;
  temporalNamespace: string;
  topicPrefix: string;
  groupPrefix: string;
}

/**
 * The suites of a tier may run in several lanes at once (a jest worker each, `TOLLGATE_TEST_LANES` of
 * them): each lane has a database, a Temporal namespace, topics and consumer groups of its own, so that
 * no lane's services consume another's events, run its activities or relay its outbox. Lane 1 keeps the
 * base names; deploy/local/postgres.sh and temporal.sh provision the test stack for three lanes.
 */
export function testLane(lane: number): TestLane {
  if (lane === 1) return BASE;
  const url = new URL(BASE.databaseUrl);
  url.pathname = url.pathname.replace(/_test$/, `_${lane}_test`);
  return {
    databaseUrl: url.toString(),
    temporalNamespace: `${BASE.temporalNamespace}-${lane}`,
    // `test2.`, never under lane 1's `test.`: the set-up deletes a lane's topics by their prefix.
    topicPrefix: `${BASE.topicPrefix.replace(/\.$/, '')}${lane}.`,
    groupPrefix: `${BASE.groupPrefix}-${lane}`,
  };
}

/** The lanes of this jest run, and this process's own (jest numbers its workers from 1). */
export const TEST_LANES = Math.max(1, Number(process.env.TOLLGATE_TEST_LANES ?? 1));
const LANE = Math.min(TEST_LANES, Math.max(1, Number(process.env.JEST_WORKER_ID ?? 1)));

export const TEST_ENVIRONMENT = {
  /** Which of deploy/local's stacks the fault tests stop and start: never `dev`. */
  stack: (['bench', 'fault'] as const).find((stack) => stack === process.env.TOLLGATE_STACK) ?? ('test' as const),
  ...testLane(LANE),
  kafkaBrokers: (process.env.TOLLGATE_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
  temporalAddress: process.env.TOLLGATE_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:17233',
  workflowBundle: process.env.TOLLGATE_WORKFLOW_BUNDLE ?? 'dist/workflows/workflow-bundle.js',
  /** Reports, logs of the processes tests start, and screenshots. */
  resultsDir: process.env.TOLLGATE_TEST_RESULTS_DIR ?? path.resolve(__dirname, '../../.data/test-results'),
  jwtSecret: 'tollgate-dev-secret',
};

/** The settings a service under test runs with (in this process's lane unless another is named). */
export function serviceTestEnv(extra: Record<string, string> = {}, lane: TestLane = TEST_ENVIRONMENT): Record<string, string> {
  return {
    NODE_ENV: 'test',
    TOLLGATE_DATABASE_URL: lane.databaseUrl,
    TOLLGATE_KAFKA_BROKERS: TEST_ENVIRONMENT.kafkaBrokers.join(','),
    // Apart from another lane's topics and consumers on the same brokers.
    TOLLGATE_KAFKA_GROUP_PREFIX: lane.groupPrefix,
    TOLLGATE_KAFKA_TOPIC_PREFIX: lane.topicPrefix,
    TOLLGATE_TEMPORAL_ADDRESS: TEST_ENVIRONMENT.temporalAddress,
    TOLLGATE_TEMPORAL_NAMESPACE: lane.temporalNamespace,
    TOLLGATE_LOG_LEVEL: 'warn',
    TOLLGATE_OUTBOX_POLL_MS: '50',
    // The cockpit's tests sign in dozens of times a minute from one address, as no person does; the limit
    // itself is tested at its default in services/plans/src/cockpit/rate-limit.integration-spec.ts.
    TOLLGATE_RATE_LIMIT_SIGN_IN: '10000',
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
