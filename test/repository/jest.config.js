// Rules the repository's own files keep, read as text (no service started), in the unit tier.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'repository',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
