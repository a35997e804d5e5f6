import { proxyActivities } from '@temporalio/workflow';
import { TASK_QUEUES, type FinanceSignalActivities, type LifecycleFinanceSignal, type SignalDelivery } from '@tollgate/contracts';

const { signalLifecycle } = proxyActivities<FinanceSignalActivities>({
  taskQueue: TASK_QUEUES.finance,
  startToCloseTimeout: '30 seconds',
  // A confirmation must reach its initiative: retried without limit while Temporal or the service is away.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Carries one finance confirmation (or rejection) to its initiative's
 * lifecycle workflow, through an activity of the finance service, retrying
 * until it is delivered or the lifecycle has ended. The finance service no
 * longer starts it (its dispatcher signals from its own records); it stays
 * registered so that deliveries started before that finish.
 *
 * Remove it (with `LifecycleSignaller.activities()` and its registration in
 * workflows/index.ts) once `temporal workflow count --query 'WorkflowType="confirmationDelivery" AND ExecutionStatus="Running"'`
 * answers 0 on every cluster.
 */
export async function confirmationDelivery(signal: LifecycleFinanceSignal): Promise<SignalDelivery> {
  return signalLifecycle(signal);
}
