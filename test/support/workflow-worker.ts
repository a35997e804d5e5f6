import { TASK_QUEUES } from '@tollgate/contracts';
import { NativeConnection, Worker } from '@temporalio/worker';
import { builtWorkflowBundle } from '../../workflows/testing/built-workflow-bundle';
import { quietTemporalRuntime } from './quiet-runtime';
import { TEST_ENVIRONMENT } from './test-environment';

/** The workflow worker, from the prebuilt bundle, running in the test process. */
export interface RunningWorkflowWorker {
  stop(): Promise<void>;
}

/** Without options, the lifecycle worker from the bundle; a benchmark's yardstick names its own queue and workflows' source. */
export async function startWorkflowWorker(yardstick?: { taskQueue: string; workflowsPath: string }): Promise<RunningWorkflowWorker> {
  quietTemporalRuntime();
  const connection = await NativeConnection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: TEST_ENVIRONMENT.temporalNamespace,
    ...(yardstick ?? {
      taskQueue: TASK_QUEUES.lifecycle,
      workflowBundle: builtWorkflowBundle(TEST_ENVIRONMENT.workflowBundle),
    }),
  });
  const running = worker.run();
  return {
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
