import nx from '@nx/eslint-plugin';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.data-test/**', '.data-bench/**', '.data-fault/**', '.tools/**', '.nx/**', '**/*.js', '**/*.mjs', '**/*.mts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, 'import-x': importX },
    // The import rules must find what an import names, the TypeScript files and the @tollgate/* paths
    // of tsconfig.base.json included: a cycle they cannot follow is a cycle they cannot see.
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'], tsconfig: { configFile: `${import.meta.dirname}/tsconfig.base.json` } })],
    },
    languageOptions: {
      // Two programs for the whole repository, the same two the type check builds: the server code with
      // its tests, and the cockpit. (One program per project's tsconfig, as the project service makes,
      // holds the libraries many times over: a single ESLint process ran out of memory.)
      parserOptions: { project: ['./test/tsconfig.json', './services/cockpit/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Cycles among the repository's own modules; packages cannot import them back, so they are not walked.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Layers: domain depends on nothing; contracts on domain; workflows on
      // contracts and domain; infrastructure libraries below the services; the
      // feature libraries (feeds, spreadsheets) on the infrastructure, never under it.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'layer:domain', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'layer:contracts', onlyDependOnLibsWithTags: ['layer:domain'] },
            { sourceTag: 'layer:infrastructure', onlyDependOnLibsWithTags: ['layer:infrastructure', 'layer:contracts', 'layer:domain'] },
            { sourceTag: 'layer:feature', onlyDependOnLibsWithTags: ['layer:infrastructure', 'layer:contracts', 'layer:domain'] },
            { sourceTag: 'layer:workflow', onlyDependOnLibsWithTags: ['layer:contracts', 'layer:domain', 'layer:infrastructure'] },
            { sourceTag: 'layer:service', onlyDependOnLibsWithTags: ['layer:feature', 'layer:infrastructure', 'layer:contracts', 'layer:domain'] },
            { sourceTag: 'layer:test', onlyDependOnLibsWithTags: ['*'] },
            // The cockpit page runs in a browser: of the libraries, the pure domain rules, and the services' answers as types (below).
            { sourceTag: 'layer:ui', onlyDependOnLibsWithTags: ['layer:domain', 'layer:contracts'] },
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node
    // built-ins, no I/O, and activities only as types.
    files: ['workflows/**/*.workflow.ts', 'workflows/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process', 'os'], message: 'Workflow code must not use Node built-ins.' },
            { group: ['@tollgate/*', '!@tollgate/contracts', '!@tollgate/domain'], message: 'Workflow code imports only @tollgate/contracts and @tollgate/domain.' },
            { group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'], message: 'Workflow code imports only @temporalio/workflow.' },
            { group: ['**/*.activity', '**/*.activities', '**/activities'], message: 'Import activities as types only.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // The views are the services' answers as types: the cockpit bundle must take nothing from the contracts at run time.
    files: ['services/cockpit/**/*.ts', 'services/cockpit/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@tollgate/contracts', '@tollgate/contracts/*'], allowTypeImports: true, message: 'The cockpit imports the contracts as types only (import type).' }] },
      ],
    },
  },
  {
    files: ['libs/contracts/src/views/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['*'], allowTypeImports: true, message: 'The views are types only: they import types alone.' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.*-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The system tests start the services in-process, so they reach into the
    // service applications by path; every layer is open to them anyway, and
    // so to the integration tests beside a part, which share their harness.
    files: ['test/**/*.ts', '**/*.integration-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
