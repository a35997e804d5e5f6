// The test runner's own tests (the closing line's rules), in the unit tier.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'runner',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
