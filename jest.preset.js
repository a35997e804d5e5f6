// Shared jest settings: swc keeps decorator metadata (NestJS DI needs it) and
// maps the @tollgate/* libraries to their sources, as tsconfig.base.json does.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@tollgate/(auth|config|contracts|domain|feeds|messaging|observability|platform|spreadsheets|temporal)$': path.join(
      root,
      'libs/$1/src/index.ts',
    ),
  },
};
