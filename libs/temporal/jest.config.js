const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'temporal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
