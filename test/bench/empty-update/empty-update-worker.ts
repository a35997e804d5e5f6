import path from 'node:path';
import { startWorkflowWorker, type RunningWorkflowWorker } from '../../support/workflow-worker';

/** The bare engine's worker: runs `emptyUpdateTarget` on a task queue of the benchmark's own, in the benchmark's process. */
export function startEmptyUpdateWorker(taskQueue: string): Promise<RunningWorkflowWorker> {
  return startWorkflowWorker({ taskQueue, workflowsPath: path.join(__dirname, 'empty-update.workflow.ts') });
}
