const preset = require('../../jest.preset');

module.exports = { ...preset, displayName: 'cockpit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
