// Unit tier: every project's *.spec.ts, no running infrastructure needed.
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/workflows/jest.config.js',
  ],
};
