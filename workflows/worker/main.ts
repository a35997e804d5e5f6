import { loadConfigOrExit } from '@tollgate/config';
import { TASK_QUEUES } from '@tollgate/contracts';
import { temporalConnectionOptions } from '@tollgate/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { workerConfigSchema } from './worker-config';

const config = loadConfigOrExit(workerConfigSchema);

async function connectWithRetry(): Promise<NativeConnection> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await NativeConnection.connect(temporalConnectionOptions(config.temporal));
    } catch (error) {
      if (attempt >= 30) throw error;
      Runtime.instance().logger.warn(`Temporal not reachable at ${config.temporal.address}, retrying`, {
        error: (error as Error).message,
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

// The workflow worker: runs every workflow type from the prebuilt bundle on
// the lifecycle task queue. Activities live in the services, not here.
async function main(): Promise<void> {
  const bundlePath = path.resolve(config.bundlePath);
  if (!existsSync(bundlePath)) {
    throw new Error(`workflow bundle not found at ${bundlePath} (TOLLGATE_WORKFLOW_BUNDLE); build the workflows project first`);
  }
  Runtime.install({
    logger: new DefaultLogger(config.logLevel),
    telemetryOptions: config.metricsPort
      ? { metrics: { prometheus: { bindAddress: `${config.metricsHost}:${config.metricsPort}` } } }
      : undefined,
  });
  const connection = await connectWithRetry();
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: TASK_QUEUES.lifecycle,
    workflowBundle: { codePath: bundlePath },
    maxCachedWorkflows: config.maxCachedWorkflows,
  });
  Runtime.instance().logger.info(`workflow worker polling '${TASK_QUEUES.lifecycle}'`, { bundlePath });
  await worker.run();
  await connection.close();
}

main().catch((error: Error) => {
  process.stderr.write(`workflow worker failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
