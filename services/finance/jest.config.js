const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'finance',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
