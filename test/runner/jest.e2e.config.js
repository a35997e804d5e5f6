// End-to-end tier: the services, the worker and the cockpit together, through their public doors.
const { realStackTier } = require('./jest.real-stack');

module.exports = realStackTier('e2e', ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], 120_000);
