import { register } from 'tsconfig-paths';
import path from 'node:path';
import { existsSync } from 'node:fs';

const root = path.resolve(__dirname, '../..');
// Global setup runs outside jest's module mapper: resolve @tollgate/* to the sources here.
register({ baseUrl: root, paths: { '@tollgate/*': ['libs/*/src/index.ts'] }, addMatchAll: false });

/**
 * Before any integration test: refuse a database not named for tests and
 * start every run from nothing of an earlier one's (its schemas, its topics,
 * its running workflows), so that no test waits behind another run's backlog;
 * then apply every service's migrations, create the topics under the test
 * prefix, and check that the workflow bundle has been built.
 */
export default async function globalSetup(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('reflect-metadata');
  const { TEST_ENVIRONMENT, assertTestDatabase, serviceTestEnv } = require('../support/test-environment');
  const { clearEarlierRuns } = require('./earlier-runs');
  const { loadConfig } = require('@tollgate/config');
  const { migrateSchema } = require('@tollgate/platform');
  const { createKafka, ensureTopics } = require('@tollgate/messaging');
  const { allTopics } = require('@tollgate/contracts');
  const { SERVICE_SCHEMAS } = require('../support/service-schemas');
  /* eslint-enable @typescript-eslint/no-require-imports */

  assertTestDatabase(TEST_ENVIRONMENT.databaseUrl);
  await clearEarlierRuns();
  for (const service of SERVICE_SCHEMAS) {
    const config = loadConfig(service.configSchema, serviceTestEnv());
    await migrateSchema(config, service.entities, service.migrations);
  }
  await ensureTopics(createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-setup' }), allTopics(TEST_ENVIRONMENT.topicPrefix));

  const bundle = path.resolve(root, TEST_ENVIRONMENT.workflowBundle);
  if (!existsSync(bundle)) {
    throw new Error(`workflow bundle missing at ${bundle}: build the workflows project first (npx nx build workflows)`);
  }
}
