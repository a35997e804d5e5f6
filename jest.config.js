// Unit tier: every project's *.spec.ts; no running infrastructure needed. The other tiers' configurations
// are in test/runner (and test/deploy), listed in test/runner/tiers.js.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/workflows/jest.config.js',
    '<rootDir>/test/runner/jest.config.js',
    '<rootDir>/test/repository/jest.config.js',
  ],
};
