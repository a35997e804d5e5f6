import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { apiAs, type Person } from '../support/http-client';
import { announceProgram } from '../support/org-nodes';
import { quietTemporalRuntime } from '../support/quiet-runtime';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { inParallel, perSecond, report } from './bench-report';
import { finish, ping } from './empty-update/empty-update.workflow';
import { spawnWorkflowWorker } from './worker-process';
import type { ChildProcess } from 'node:child_process';

const INITIATIVES = Number(process.env.BENCH_INITIATIVES ?? 40);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const UPDATES_PER_WORKFLOW = Number(process.env.BENCH_UPDATES_PER_WORKFLOW ?? 30);

const owner: Person = { id: `bench-owner-${randomUUID()}`, roles: ['owner'] };
const sponsor: Person = { id: `bench-sponsor-${randomUUID()}`, roles: ['sponsor'] };
const controller: Person = { id: `bench-controller-${randomUUID()}`, roles: ['controller'] };
const pmo: Person = { id: `bench-pmo-${randomUUID()}`, roles: ['pmo'] };

// Gate transitions per second through the API (N initiatives walked 0 to 4,
// CONCURRENCY at a time) beside raw Temporal updates per second on an empty
// workflow, on the same server with the same concurrency. Goal: ratio ≥ 0.5.
// The lifecycle worker runs in its own process, as deployed; the service runs
// in this one.
describe('benchmark: gate transitions against raw updates', () => {
  let service: RunningService;
  let worker: ChildProcess;

  beforeAll(async () => {
    service = await startService('initiatives', { TOLLGATE_LOG_LEVEL: 'error' });
    worker = await spawnWorkflowWorker();
    await service.ready();
  });

  afterAll(async () => {
    worker?.kill('SIGINT');
    await service?.close();
  });

  it('prints gate transitions per second, raw updates per second, and their ratio', async () => {
    const programId = await announceProgram(service.dataSource, 'Benchmark program');
    const as = (person: Person) => apiAs(service.baseUrl, person);
    const evidence = { text: 'benchmark evidence', links: [] };
    const expectOk = (status: number, what: string) => {
      if (status >= 300) throw new Error(`${what} answered ${status}`);
    };

    // Untimed: define the initiatives and complete their milestones.
    const ids: string[] = [];
    await inParallel(Array.from({ length: INITIATIVES }, (_, index) => index), CONCURRENCY, async (index) => {
      const created = await as(owner).post('/api/initiatives', {
        title: `Benchmark initiative ${index} ${randomUUID().slice(0, 6)}`,
        programId,
        ownerId: owner.id,
        sponsorId: sponsor.id,
        controllerId: controller.id,
        category: 'cost',
        measures: [{ name: 'Savings', category: 'opex', plannedValues: [{ period: '2027-06', amount: 100_000 }] }],
        oneTimeCosts: [{ period: '2027-01', amount: 0 }],
        milestones: [{ title: 'Done', dueDate: '2099-12-31' }],
      });
      expectOk(created.status, 'create');
      const milestone = (await as(owner).get(`/api/initiatives/${created.body.id}`)).body.milestones[0];
      expectOk((await as(owner).post(`/api/initiatives/${created.body.id}/milestones/${milestone.id}/complete`, { evidence })).status, 'complete');
      ids.push(created.body.id);
    });

    const deciders: Record<number, Person[]> = { 1: [sponsor], 2: [pmo], 3: [sponsor, controller], 4: [sponsor] };
    let apiCalls = 0;
    const gateStart = performance.now();
    await inParallel(ids, CONCURRENCY, async (id) => {
      for (const targetStage of [1, 2, 3, 4]) {
        const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage, evidence });
        expectOk(request.status, `gate request ${targetStage}`);
        apiCalls += 1;
        for (const decider of deciders[targetStage]) {
          const decision = await as(decider).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true, comment: '' });
          expectOk(decision.status, `decision ${targetStage}`);
          apiCalls += 1;
        }
      }
    });
    const gateMs = performance.now() - gateStart;
    const transitions = ids.length * 4;

    // The yardstick, on the same server: updates on empty workflows, same concurrency.
    quietTemporalRuntime();
    const connection = await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    const client = new Client({ connection, namespace: TEST_ENVIRONMENT.temporalNamespace });
    const taskQueue = `bench-empty-update-${randomUUID()}`;
    const workerConnection = await NativeConnection.connect({ address: TEST_ENVIRONMENT.temporalAddress });
    const emptyWorker = await Worker.create({
      connection: workerConnection,
      namespace: TEST_ENVIRONMENT.temporalNamespace,
      taskQueue,
      workflowsPath: path.join(__dirname, 'empty-update/empty-update.workflow.ts'),
    });
    const running = emptyWorker.run();
    const handles = await Promise.all(
      Array.from({ length: CONCURRENCY }, () => client.workflow.start('emptyUpdateTarget', { taskQueue, workflowId: `bench-empty-${randomUUID()}` })),
    );
    await Promise.all(handles.map((handle) => handle.executeUpdate(ping, { args: [0] })));
    const rawStart = performance.now();
    await Promise.all(
      handles.map(async (handle) => {
        for (let index = 0; index < UPDATES_PER_WORKFLOW; index += 1) await handle.executeUpdate(ping, { args: [index] });
      }),
    );
    const rawMs = performance.now() - rawStart;
    const rawUpdates = CONCURRENCY * UPDATES_PER_WORKFLOW;
    await Promise.all(handles.map((handle) => handle.signal(finish)));
    emptyWorker.shutdown();
    await running;
    await workerConnection.close();
    await connection.close();

    const gateRate = transitions / (gateMs / 1000);
    const rawRate = rawUpdates / (rawMs / 1000);
    report('Gate transitions through the API vs raw Temporal updates', [
      ['initiatives walked 0 to 4', ids.length],
      ['concurrent clients', CONCURRENCY],
      ['gate transitions', transitions],
      ['API calls (requests + decisions)', apiCalls],
      ['gate phase (ms)', gateMs.toFixed(0)],
      ['gate transitions per second', perSecond(transitions, gateMs)],
      ['API calls per second', perSecond(apiCalls, gateMs)],
      ['raw updates on an empty workflow', rawUpdates],
      ['raw updates per second', perSecond(rawUpdates, rawMs)],
      ['ratio (transitions/s ÷ raw updates/s), goal ≥ 0.5', (gateRate / rawRate).toFixed(2)],
    ]);
    expect(transitions).toBe(ids.length * 4);
  });
});
