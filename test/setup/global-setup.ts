import { register } from 'tsconfig-paths';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
// Global setup runs outside jest's module mapper: resolve @tollgate/* to the sources here.
register({ baseUrl: root, paths: { '@tollgate/*': ['libs/*/src/index.ts'] }, addMatchAll: false });

/**
 * Before any real-stack tier, for each of its lanes: refuse a database not named for tests and
 * start every run from nothing of an earlier one's (its schemas, its topics,
 * its running workflows), so that no test waits behind another run's backlog;
 * then apply every service's migrations, create the topics under the test
 * prefix, and check that the workflow bundle is built and current.
 */
export default async function globalSetup(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('reflect-metadata');
  const { TEST_ENVIRONMENT, TEST_LANES, assertTestDatabase, serviceTestEnv, testLane } = require('../support/test-environment');
  const { clearEarlierRuns } = require('./earlier-runs');
  const { loadConfig } = require('@tollgate/config');
  const { migrateSchema } = require('@tollgate/platform');
  const { createKafka, ensureTopics } = require('@tollgate/messaging');
  const { allTopics } = require('@tollgate/contracts');
  const { SERVICE_SCHEMAS } = require('../support/service-schemas');
  const { builtWorkflowBundle } = require('../../workflows/testing/built-workflow-bundle');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const kafka = createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-setup' });
  // Every lane of the tier from nothing of an earlier run's, one after the other: a broker deleting one
  // lane's topics while it creates another's answers for neither.
  for (let index = 1; index <= TEST_LANES; index += 1) {
    const lane = testLane(index);
    assertTestDatabase(lane.databaseUrl);
    await clearEarlierRuns(lane);
    for (const service of SERVICE_SCHEMAS) {
      const config = loadConfig(service.configSchema, serviceTestEnv({}, lane));
      await migrateSchema(config, service.entities, service.migrations);
    }
    await ensureTopics(kafka, allTopics(lane.topicPrefix));
  }
  builtWorkflowBundle(TEST_ENVIRONMENT.workflowBundle);
}
