const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'plans',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
