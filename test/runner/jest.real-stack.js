// What the tiers on the tests' own PostgreSQL, Kafka and Temporal share: the global set-up that starts
// each of the tier's lanes from nothing of an earlier run's. A lane is a jest worker with a database,
// namespace, topics and consumer groups of its own (test/support/test-environment.ts); test.sh runs a
// tier with as many workers as test/runner/tiers.js gives it and tells the set-up (TOLLGATE_TEST_LANES).
const path = require('node:path');
const preset = require('../../jest.preset');

const root = path.resolve(__dirname, '../..');

/** A tier's jest configuration: its files, and the longest a single test of it may take. */
function realStackTier(displayName, testMatch, testTimeout) {
  return {
    ...preset,
    displayName,
    rootDir: root,
    testMatch,
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    globalSetup: '<rootDir>/test/setup/global-setup.ts',
    testTimeout,
    // One worker a lane: more workers than lanes would share a lane's database and topics.
    maxWorkers: Math.max(1, Number(process.env.TOLLGATE_TEST_LANES ?? 1)),
  };
}

module.exports = { realStackTier };
