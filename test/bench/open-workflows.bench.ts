import { Client, Connection } from '@temporalio/client';
import {
  initiativeWorkflowId,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  WORKFLOW_TYPES,
} from '@tollgate/contracts';
import { initialLifecycleState } from '@tollgate/domain';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { inParallel, perSecond, report } from './bench-report';
import { residentMiB, spawnWorkflowWorker } from './worker-process';

const CHECKPOINTS = (process.env.BENCH_OPEN_WORKFLOWS ?? '1000,10000').split(',').map(Number);
const START_CONCURRENCY = Number(process.env.BENCH_START_CONCURRENCY ?? 50);
const DAY_MS = 86_400_000;

// Opens lifecycle workflows with pending milestone timers and prints the
// start rate and the resident memory of the workflow worker (the real worker
// process from the build) at each checkpoint. Goal: 100k open, RSS < 1 GiB.
describe('benchmark: open lifecycle workflows', () => {
  let service: RunningService;
  let worker: ChildProcess;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    service = await startService('initiatives', { TOLLGATE_LOG_LEVEL: 'error' });
    await service.ready();
    worker = await spawnWorkflowWorker();
    connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    client = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
  });

  afterAll(async () => {
    worker?.kill('SIGINT');
    await connection?.close();
    await service?.close();
  });

  it('prints the start rate and worker memory at each checkpoint', async () => {
    const programId = `bench-program-${randomUUID()}`;
    const rows: [string, string | number][] = [
      ['worker cache (TOLLGATE_WORKER_MAX_CACHED_WORKFLOWS)', process.env.TOLLGATE_WORKER_MAX_CACHED_WORKFLOWS ?? 'worker default'],
      ['worker RSS before any workflow (MiB)', residentMiB(worker.pid!).toFixed(0)],
    ];
    let opened = 0;
    const projected = async () =>
      Number((await service.dataSource.query(`SELECT count(*) AS n FROM initiatives.initiative WHERE program_id = $1`, [programId]))[0].n);

    for (const target of CHECKPOINTS) {
      const batch = Array.from({ length: target - opened }, () => randomUUID());
      const started = performance.now();
      await inParallel(batch, START_CONCURRENCY, async (initiativeId) => {
        const now = Date.now();
        const state = initialLifecycleState(
          {
            title: `Open workflow ${initiativeId.slice(0, 8)}`,
            programId,
            ownerId: 'bench-owner',
            sponsorId: 'bench-sponsor',
            controllerId: 'bench-controller',
            category: 'cost',
            currency: 'EUR',
            roughValue: null,
            measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-06', amount: 100_000 }] }],
            oneTimeCosts: [],
            milestones: [{ title: 'Far milestone', dueDate: new Date(now + 60 * DAY_MS).toISOString().slice(0, 10) }],
          },
          { initiativeId, code: `B-${initiativeId.slice(0, 15)}`, createdBy: 'bench-owner', createdAt: new Date(now).toISOString() },
          { sponsorGraceMs: 7 * DAY_MS, steeringCommitteeGraceMs: 14 * DAY_MS },
          randomUUID,
        );
        await client.workflow.start(WORKFLOW_TYPES.initiativeLifecycle, {
          taskQueue: TASK_QUEUES.lifecycle,
          workflowId: initiativeWorkflowId(initiativeId),
          args: [{ state }],
          typedSearchAttributes: [{ key: SEARCH_ATTRIBUTES.programId, value: programId }],
        });
      });
      const startMs = performance.now() - started;
      opened = target;
      // Every workflow has run its first task (projected, timer pending) before memory is read.
      // Projection runs at a few dozen a second on this machine: allow 60 ms a workflow, at least half an hour.
      await eventually(projected, (count) => count >= target, { timeoutMs: Math.max(30 * 60_000, batch.length * 60), intervalMs: 1000, what: `${target} projections` });
      const settledMs = performance.now() - started;
      const checkpoint: [string, string | number][] = [
        [`${target} open: starts per second`, perSecond(batch.length, startMs)],
        [`${target} open: started and projected per second`, perSecond(batch.length, settledMs)],
        [`${target} open: worker RSS (MiB)`, residentMiB(worker.pid!).toFixed(0)],
      ];
      // Printed as it is reached: a long run still shows the checkpoints it got to.
      report(`Checkpoint: ${target} open lifecycle workflows`, checkpoint);
      rows.push(...checkpoint);
    }
    report('Open lifecycle workflows with pending milestone timers', rows);

    // Leave no benchmark workflows behind on the server.
    await connection.workflowService.startBatchOperation({
      namespace: TEST_ENVIRONMENT.temporalNamespace,
      jobId: `bench-cleanup-${randomUUID()}`,
      reason: 'benchmark finished',
      visibilityQuery: `TollgateProgramId = '${programId}'`,
      terminationOperation: {},
    });
    expect(opened).toBe(CHECKPOINTS.at(-1));
    // 100 000 workflows take well over the hour the other benchmarks are given.
  }, 4 * 60 * 60_000);
});
