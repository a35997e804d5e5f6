// Workflow tier: the workflows on Temporal's time-skipping test server, which each suite starts itself,
// from the one bundle the build made; no shared infrastructure, so it runs while that starts.
const path = require('node:path');
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'workflow',
  rootDir: path.resolve(__dirname, '../..'),
  testMatch: ['<rootDir>/workflows/**/*.workflow-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
