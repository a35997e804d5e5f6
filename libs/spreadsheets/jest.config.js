const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'spreadsheets',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
