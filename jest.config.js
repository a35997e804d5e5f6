// Unit tier: every project's *.spec.ts, and the deployment artifacts checked offline (test/deploy);
// no running infrastructure needed.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/workflows/jest.config.js',
    '<rootDir>/test/deploy/jest.config.js',
  ],
};
