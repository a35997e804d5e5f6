// Fault tier: processes and servers of the tests' own stack killed and stopped under load.
const { realStackTier } = require('./jest.real-stack');

module.exports = realStackTier('fault', ['<rootDir>/test/faults/**/*.fault-spec.ts'], 120_000);
