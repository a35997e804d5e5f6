// Benchmarks: against the real local stack, one at a time, never in `npm test`.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.bench.ts'],
  globalSetup: '<rootDir>/../setup/global-setup.ts',
  testTimeout: 60 * 60_000,
  maxWorkers: 1,
};
