// The tiers of `npm test`, in the order they run: each names the test files it holds by their suffix
// (independently of its jest configuration, so that a pattern that stops matching cannot make a tier
// smaller unnoticed) and whether it needs the tests' own PostgreSQL, Kafka and Temporal.
const TIERS = [
  { name: 'unit', config: 'jest.config.js', suffix: '.spec.ts', infrastructure: false, workers: 2 },
  { name: 'deploy', config: 'test/deploy/jest.config.js', suffix: '.deploy-spec.ts', infrastructure: false, workers: 2 },
  // Temporal's time-skipping test server, started by each suite: no shared infrastructure.
  { name: 'workflow', config: 'test/runner/jest.workflow.config.js', suffix: '.workflow-spec.ts', infrastructure: false, workers: 1 },
  // Lanes, each with a database, a namespace, topics and groups of its own (test-environment.ts): three for
  // integration, whose files wait on the servers a third of the time; two for e2e, which keeps both cores busy.
  { name: 'integration', config: 'test/runner/jest.integration.config.js', suffix: '.integration-spec.ts', infrastructure: true, workers: 3 },
  { name: 'e2e', config: 'test/runner/jest.e2e.config.js', suffix: '.e2e-spec.ts', infrastructure: true, workers: 2 },
  // One lane: its tests stop and restart the servers every lane would share.
  { name: 'fault', config: 'test/runner/jest.fault.config.js', suffix: '.fault-spec.ts', infrastructure: true, workers: 1 },
];

module.exports = { TIERS };
