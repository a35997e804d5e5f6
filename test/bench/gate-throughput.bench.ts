import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../support/http-client';
import { announceProgram } from '../support/org-nodes';
import { quietTemporalRuntime } from '../support/quiet-runtime';
import { StackProcess } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { DataSource } from 'typeorm';
import { inParallel, profileRows, report } from './bench-report';
import { startEmptyUpdateWorker } from './empty-update/empty-update-worker';
import { finish, ping } from './empty-update/empty-update.workflow';

const CONCURRENCIES = (process.env.BENCH_CONCURRENCIES ?? '1,16').split(',').map(Number);
/** Initiatives walked per client in each round (40 at least): each walk is 9 commands, 4 of them gate transitions. */
const WALKS_PER_CLIENT = Number(process.env.BENCH_WALKS_PER_CLIENT ?? 5);
/** Raw updates per round, spread over the concurrency's workflows: as long a phase as the commands'. */
const RAW_UPDATES_PER_ROUND = Number(process.env.BENCH_RAW_UPDATES_PER_ROUND ?? 500);
/**
 * Rounds of raw updates then commands at each concurrency. This machine's
 * speed drifts by a third from one minute to the next; alternating rounds
 * and taking the median ratio keeps the drift out of the figure. Each round
 * walks for several seconds: the lifecycle's backstop projects two seconds
 * after a burst, and a shorter walk would leave most of that work outside
 * the time it is measured in.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const owner: Person = { id: `bench-owner-${randomUUID()}`, roles: ['owner'] };
const sponsor: Person = { id: `bench-sponsor-${randomUUID()}`, roles: ['sponsor'] };
const controller: Person = { id: `bench-controller-${randomUUID()}`, roles: ['controller'] };
const pmo: Person = { id: `bench-pmo-${randomUUID()}`, roles: ['pmo'] };
const evidence = { text: 'benchmark evidence', links: [] };
const deciders: Record<number, Person[]> = { 1: [sponsor], 2: [pmo], 3: [sponsor, controller], 4: [sponsor] };

function expectOk(status: number, what: string): void {
  if (status >= 300) throw new Error(`${what} answered ${status}`);
}

// API commands per second (gate requests and decisions, each answered by the
// lifecycle) and gate transitions per second, beside raw Temporal updates per
// second on an empty workflow, on the same server, at each concurrency, in one
// run, in alternating rounds. Goal: the median of the rounds' commands/s ÷
// raw updates/s ≥ 0.6 at every concurrency. The
// service and the lifecycle worker run from the build, each in its own
// process, as deployed; this process only sends the requests.
describe('benchmark: lifecycle commands against raw updates', () => {
  let service: StackProcess;
  let worker: StackProcess;
  let database: DataSource;
  let client: Client;
  let emptyWorker: { stop(): Promise<void> } | undefined;
  const emptyQueue = `bench-empty-update-${randomUUID()}`;

  beforeAll(async () => {
    [service, worker] = await Promise.all([StackProcess.start('initiatives'), StackProcess.start('worker')]);
    database = await new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl }).initialize();
    quietTemporalRuntime();
    client = new Client({ connection: await Connection.connect({ address: TEST_ENVIRONMENT.temporalAddress }), namespace: TEST_ENVIRONMENT.temporalNamespace });
    emptyWorker = await startEmptyUpdateWorker(emptyQueue);
  });

  afterAll(async () => {
    await emptyWorker?.stop();
    await client?.connection.close();
    const started = [
      { name: 'initiatives service', pid: service?.pid },
      { name: 'worker', pid: worker?.pid },
    ];
    await Promise.all([worker?.stop(), service?.stop()]);
    await database?.destroy();
    report('Where the time of the service and the worker went, whole run', profileRows(started));
  });

  const as = (person: Person) => apiAs(service.baseUrl, person);

  /** Untimed: initiatives defined, their one milestone completed, ready for the gates. */
  async function readyInitiatives(programId: string, count: number, concurrency: number): Promise<string[]> {
    const ids: string[] = [];
    await inParallel(Array.from({ length: count }, (_, index) => index), concurrency, async (index) => {
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
    return ids;
  }

  async function walkGates(ids: string[], concurrency: number): Promise<{ ms: number; commands: number }> {
    let commands = 0;
    const start = performance.now();
    await inParallel(ids, concurrency, async (id) => {
      for (const targetStage of [1, 2, 3, 4]) {
        const request = await as(owner).post(`/api/initiatives/${id}/gate-requests`, { targetStage, evidence });
        expectOk(request.status, `gate request ${targetStage}`);
        commands += 1;
        for (const decider of deciders[targetStage]) {
          const decision = await as(decider).post(`/api/initiatives/${id}/gate-requests/${request.body.id}/decision`, { approve: true, comment: '' });
          expectOk(decision.status, `decision ${targetStage}`);
          commands += 1;
        }
      }
    });
    return { ms: performance.now() - start, commands };
  }

  async function rawUpdates(concurrency: number): Promise<{ ms: number; updates: number }> {
    const updatesEach = Math.ceil(RAW_UPDATES_PER_ROUND / concurrency);
    const handles = await Promise.all(
      Array.from({ length: concurrency }, () => client.workflow.start('emptyUpdateTarget', { taskQueue: emptyQueue, workflowId: `bench-empty-${randomUUID()}` })),
    );
    await Promise.all(handles.map((handle) => handle.executeUpdate(ping, { args: [0] })));
    const start = performance.now();
    await Promise.all(
      handles.map(async (handle) => {
        for (let index = 0; index < updatesEach; index += 1) await handle.executeUpdate(ping, { args: [index] });
      }),
    );
    const ms = performance.now() - start;
    await Promise.all(handles.map((handle) => handle.signal(finish)));
    return { ms, updates: concurrency * updatesEach };
  }

  it('prints commands, gate transitions and raw updates per second at each concurrency, and the ratios', async () => {
    const programId = await announceProgram(database, 'Benchmark program');
    const rows: [string, string | number][] = [];
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    for (const concurrency of CONCURRENCIES) {
      const rounds: { commandRate: number; rawRate: number; transitionRate: number }[] = [];
      let walkedIds = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const ids = await readyInitiatives(programId, Math.max(40, concurrency * WALKS_PER_CLIENT), concurrency);
        // The yardstick first, while nothing of the set-up is still being projected.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const raw = await rawUpdates(concurrency);
        const walked = await walkGates(ids, concurrency);
        expect(walked.commands).toBe(ids.length * 9);
        walkedIds += ids.length;
        rounds.push({
          commandRate: walked.commands / (walked.ms / 1000),
          rawRate: raw.updates / (raw.ms / 1000),
          transitionRate: (ids.length * 4) / (walked.ms / 1000),
        });
      }
      const ratios = rounds.map((round) => round.commandRate / round.rawRate);
      rows.push(
        [`concurrency ${concurrency}: initiatives walked 0 to 4, in ${ROUNDS} rounds`, walkedIds],
        [`concurrency ${concurrency}: API commands per second (median)`, median(rounds.map((round) => round.commandRate)).toFixed(1)],
        [`concurrency ${concurrency}: gate transitions per second (median)`, median(rounds.map((round) => round.transitionRate)).toFixed(1)],
        [`concurrency ${concurrency}: raw updates per second, empty workflow (median)`, median(rounds.map((round) => round.rawRate)).toFixed(1)],
        [`concurrency ${concurrency}: ratio commands/s ÷ raw updates/s per round`, ratios.map((ratio) => ratio.toFixed(2)).join(' ')],
        [`concurrency ${concurrency}: ratio, median of the rounds, goal ≥ 0.6`, median(ratios).toFixed(2)],
      );
    }
    report('Lifecycle commands through the API vs raw Temporal updates, one server', rows);
  });
});
