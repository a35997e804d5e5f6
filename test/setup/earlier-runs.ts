import { Client, Connection } from '@temporalio/client';
import { createKafka } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { Client as PostgresClient } from 'pg';
import { deleteTopicsUnder } from '../support/own-topics';
import { TEST_ENVIRONMENT, type TestLane } from '../support/test-environment';

const SCHEMAS = ['plans', 'initiatives', 'finance'];

/**
 * Clears what earlier test runs left, so each run starts from nothing of
 * theirs: the services' schemas in the test database, the topics under the
 * test prefix, and the workflows still running in the test namespace (whose
 * timers would otherwise wake and call into this run's services).
 */
export async function clearEarlierRuns(lane: TestLane): Promise<void> {
  await Promise.all([dropSchemas(lane), deleteTopics(lane), terminateWorkflows(lane)]);
}

async function dropSchemas(lane: TestLane): Promise<void> {
  const client = new PostgresClient({ connectionString: lane.databaseUrl });
  await client.connect();
  try {
    for (const schema of SCHEMAS) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

async function deleteTopics(lane: TestLane): Promise<void> {
  await deleteTopicsUnder(createKafka({ brokers: TEST_ENVIRONMENT.kafkaBrokers, clientId: 'tollgate-test-setup' }), lane.topicPrefix);
}

/** gRPC status 8, as Temporal answers a batch asked for while another runs. */
const GRPC_RESOURCE_EXHAUSTED = 8;

async function terminateWorkflows(lane: TestLane): Promise<void> {
  const connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
  try {
    const client = new Client({ connection, namespace: lane.temporalNamespace });
    const running = `ExecutionStatus = 'Running'`;
    const { count } = await client.workflow.count(running);
    if (count === 0) return;
    const terminate = async () => {
      try {
        await client.workflowService.startBatchOperation({
          namespace: lane.temporalNamespace,
          jobId: `tollgate-test-clear-${randomUUID()}`,
          visibilityQuery: running,
          reason: 'a new test run starts from nothing of earlier runs',
          terminationOperation: {},
        });
      } catch (error) {
        // The dev server runs one batch at a time: an earlier run's clean-up may still be terminating; it is waited for below.
        if ((error as { code?: number }).code !== GRPC_RESOURCE_EXHAUSTED) throw error;
      }
    };
    await terminate();
    const deadline = Date.now() + 300_000;
    for (let polls = 1; (await client.workflow.count(running)).count > 0; polls += 1) {
      if (Date.now() > deadline) throw new Error(`workflows of earlier runs still run in ${lane.temporalNamespace} after 300 s`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Every 10 s: a batch refused while another ran is asked for again.
      if (polls % 20 === 0) await terminate();
    }
  } finally {
    await connection.close();
  }
}
