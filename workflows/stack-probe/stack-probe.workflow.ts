import type { ProbeReceipt, StackProbeActivities, StackProbeInput } from '@tollgate/contracts';
import { proxyActivities } from '@temporalio/workflow';

/**
 * The stack probe: asks one service, on its own task queue, to record a probe
 * and announce it on Kafka. It proves that the workflow worker, the service's
 * activity worker, PostgreSQL and the outbox all work together.
 */
export async function stackProbe(input: StackProbeInput): Promise<ProbeReceipt> {
  const { recordProbe } = proxyActivities<StackProbeActivities>({
    taskQueue: input.taskQueue,
    startToCloseTimeout: '30 seconds',
    retry: { maximumAttempts: 5, initialInterval: '1 second' },
  });
  return recordProbe({ probeId: input.probeId });
}
