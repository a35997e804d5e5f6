import { issueDevelopmentToken } from '@tollgate/auth';
import { loadConfigOrExit } from '@tollgate/config';
import { ProbeReceipt, TASK_QUEUES, WORKFLOW_TYPES } from '@tollgate/contracts';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const config = loadConfigOrExit(
  z.object({
    TOLLGATE_TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
    TOLLGATE_TEMPORAL_NAMESPACE: z.string().default('default'),
    TOLLGATE_JWT_SECRET: z.string().default('tollgate-dev-secret'),
  }),
);

const SERVICES = [
  { name: 'plans', taskQueue: TASK_QUEUES.plans, url: 'http://127.0.0.1:3001' },
  { name: 'initiatives', taskQueue: TASK_QUEUES.initiatives, url: 'http://127.0.0.1:3002' },
  { name: 'finance', taskQueue: TASK_QUEUES.finance, url: 'http://127.0.0.1:3003' },
] as const;

// The operator's end-to-end check of a running stack: each service records a
// probe through a workflow, and every other service must apply its event.
async function main(): Promise<void> {
  const connection = await Connection.connect({ address: config.TOLLGATE_TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TOLLGATE_TEMPORAL_NAMESPACE });
  const token = issueDevelopmentToken({ sub: 'stack-probe', roles: ['viewer'] }, config.TOLLGATE_JWT_SECRET, 300);
  try {
    for (const service of SERVICES) {
      const probeId = `probe-${service.name}-${randomUUID()}`;
      const receipt: ProbeReceipt = await client.workflow.execute(WORKFLOW_TYPES.stackProbe, {
        taskQueue: TASK_QUEUES.lifecycle,
        workflowId: `stack-probe-${probeId}`,
        args: [{ probeId, taskQueue: service.taskQueue }],
        workflowExecutionTimeout: '1 minute',
      });
      for (const other of SERVICES.filter((candidate) => candidate !== service)) {
        await waitForReceipt(other.url, probeId, token, `${other.name} applying ${service.name}'s probe`);
      }
      process.stdout.write(`stack probe ok: ${service.name} recorded ${receipt.probeId}, the others applied it\n`);
    }
  } finally {
    await connection.close();
  }
}

async function waitForReceipt(baseUrl: string, probeId: string, token: string, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/stack-probes/${probeId}/receipts`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.ok && ((await response.json()) as unknown[]).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

main().catch((error: Error) => {
  process.stderr.write(`stack probe failed: ${error.message}\n`);
  process.exit(1);
});
