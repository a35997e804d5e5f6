const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'feeds',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
