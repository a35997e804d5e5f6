// Integration, workflow, end-to-end and fault tiers: against the real local
// PostgreSQL, Kafka and Temporal, one file at a time (2 cores; Temporal suites run serially).
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/{libs,services,workflows}/**/*.integration-spec.ts',
    '<rootDir>/workflows/**/*.workflow-spec.ts',
    '<rootDir>/test/e2e/**/*.e2e-spec.ts',
    '<rootDir>/test/faults/**/*.fault-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
