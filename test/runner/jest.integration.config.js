// Integration tier: a part beside its real database, broker and engine (*.integration-spec.ts).
const { realStackTier } = require('./jest.real-stack');

module.exports = realStackTier('integration', ['<rootDir>/{libs,services,workflows,test}/**/*.integration-spec.ts'], 120_000);
