import { issueDevelopmentToken } from '@tollgate/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventually } from '../support/eventually';
import { goodInitiativeRows, initiativeWorkbook, XLSX_CONTENT_TYPE } from '../support/initiative-workbook-file';
import { announceProgram } from '../support/org-nodes';
import { OwnTopics } from '../support/own-topics';
import { StackProcess } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';

// A kill in the middle of six hundred rows proves resumption as well as ten thousand would: the
// import's steps are a hundred rows each, so six of them run, some before the kill and some after.
// The large file's speed and memory are measured in test/bench/initiative-import.bench.ts.
const ROWS = Number(process.env.TOLLGATE_FAULT_IMPORT_ROWS ?? 600);
const pmo = { id: `pmo-${randomUUID()}`, roles: ['pmo' as const] };
const token = issueDevelopmentToken({ sub: pmo.id, roles: pmo.roles }, TEST_ENVIRONMENT.jwtSecret);

interface Progress {
  state: string;
  total: number;
  checked: number;
  applied: number;
  unchanged: number;
  refused: number;
  problems: number;
}

// A large import runs to its end across a restart of the service and of the workflow worker, killed
// without warning half-way, and its progress never goes back.
describe('a large import across restarts', () => {
  let worker: StackProcess;
  let initiatives: StackProcess;
  let database: DataSource;

  // A thousand initiatives announced: on the run's topics, every suite after this one would start
  // by projecting them, in services that this test never starts.
  const topics = new OwnTopics('import');

  beforeAll(async () => {
    database = await new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl }).initialize();
    await topics.create();
    worker = await StackProcess.start('worker');
    initiatives = await StackProcess.start('initiatives', { env: topics.env });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([worker?.stop(), initiatives?.stop()]);
    await topics.delete();
    await database?.destroy();
  }, 120_000);

  const progressOf = async (id: string): Promise<Progress | undefined> => {
    const answer = await fetch(`${initiatives.baseUrl}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    return answer?.status === 200 ? ((await answer.json()) as { progress: Progress }).progress : undefined;
  };

  it(`imports ${ROWS} initiatives to the end though the worker and the service are killed half-way`, async () => {
    const program = await announceProgram(database, 'Imported at scale', null, topics.topicPrefix);
    const keys = Array.from({ length: ROWS }, (_, index) => `R${index}`);
    const people = { owner: `owner-${randomUUID()}`, sponsor: `sponsor-${randomUUID()}`, controller: `controller-${randomUUID()}` };
    const file = await initiativeWorkbook(goodInitiativeRows(keys, program, people, (key) => `Scale ${program.slice(-8)} ${key}`));
    const upload = await fetch(`${initiatives.baseUrl}/api/imports/initiatives`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE },
      body: new Uint8Array(file),
    });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };

    const seen: Progress[] = [];
    const watch = async (until: (progress: Progress) => boolean, timeoutMs: number) =>
      eventually(
        async () => {
          const progress = await progressOf(id);
          if (progress) seen.push(progress);
          return progress;
        },
        (progress) => progress !== undefined && until(progress),
        { timeoutMs, intervalMs: 500, what: `import ${id}` },
      );

    const started = Date.now();
    await watch((progress) => progress.applied >= ROWS / 4, 300_000);
    const killedAt = Date.now();
    await Promise.all([worker.kill9(), initiatives.kill9()]);
    // Killed with work left (nothing writes while both are dead): what follows must resume it, not find it done.
    const countMade = async () => (await database.query(`SELECT count(*)::int AS count FROM initiatives.initiative WHERE program_id = $1`, [program]))[0].count as number;
    expect(await countMade()).toBeLessThan(ROWS);
    await Promise.all([worker.launch(), initiatives.launch()]);
    const done = (await watch((progress) => ['completed', 'refused', 'cancelled', 'failed'].includes(progress.state), 300_000))!;
    process.stdout.write(`import of ${ROWS}: ${seen.find((progress) => progress.state !== 'reading' && progress.state !== 'checking')?.applied ?? 0} at first look, killed after ${killedAt - started} ms, ended after ${Date.now() - started} ms\n`);

    expect(done).toMatchObject({ state: 'completed', total: ROWS, checked: ROWS, refused: 0, problems: 0 });
    // A row created just before the kill, and not yet marked, counts as found rather than made: never twice.
    expect(done.applied + done.unchanged).toBe(ROWS);
    expect(await countMade()).toBe(ROWS);
    for (const field of ['total', 'checked', 'applied', 'unchanged', 'refused'] as const) {
      const series = seen.map((progress) => progress[field]);
      expect({ field, grew: series.every((value, index) => index === 0 || value >= series[index - 1]) }).toEqual({ field, grew: true });
    }
  }, 660_000);
});
