const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'initiatives',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
