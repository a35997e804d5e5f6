import { issueDevelopmentToken } from '@tollgate/auth';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { apiAs, type Person } from '../support/http-client';
import { goodInitiativeRows, initiativeWorkbook, XLSX_CONTENT_TYPE } from '../support/initiative-workbook-file';
import { announceProgram } from '../support/org-nodes';
import { StackProcess } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { inParallel, perSecond, report } from './bench-report';
import { residentMiB } from './worker-process';

const INITIATIVES = Number(process.env.BENCH_IMPORT_INITIATIVES ?? 10_000);
/** Initiatives created over the API as the yardstick of applying, at the import's own concurrency (8 at once). */
const API_CREATES = Number(process.env.BENCH_IMPORT_API_CREATES ?? 1000);

const pmo: Person = { id: `bench-pmo-${randomUUID()}`, roles: ['pmo'] };

// The import of 10 000 initiatives from one xlsx file: rows per second checked
// (read and checked) and applied (created, each with its lifecycle), and the
// memory of the importing service, beside the bare engine in the same run:
// exceljs reading the same file, and the same initiatives created one by one
// over the API at the import's concurrency. The service and the worker run
// from the build, each in its own process, as deployed.
describe('benchmark: importing initiatives from a spreadsheet', () => {
  let service: StackProcess;
  let worker: StackProcess;
  let database: DataSource;

  beforeAll(async () => {
    [service, worker] = await Promise.all([StackProcess.start('initiatives'), StackProcess.start('worker')]);
    database = await new DataSource({ type: 'postgres', url: TEST_ENVIRONMENT.databaseUrl }).initialize();
  }, 300_000);

  afterAll(async () => {
    await Promise.all([worker?.stop(), service?.stop()]);
    await database?.destroy();
  });

  it(`imports ${INITIATIVES} initiatives from one xlsx file`, async () => {
    const program = await announceProgram(database, 'Benchmark imports');
    const people = { owner: `owner-${randomUUID()}`, sponsor: `sponsor-${randomUUID()}`, controller: `controller-${randomUUID()}` };
    const keys = Array.from({ length: INITIATIVES }, (_, index) => `B${index}`);
    const file = await initiativeWorkbook(goodInitiativeRows(keys, program, people, (key) => `Bench ${program.slice(-8)} ${key}`));

    // The bare engine of reading: exceljs loading the same bytes, in this process.
    const parseStarted = performance.now();
    await new ExcelJS.Workbook().xlsx.load(file as unknown as ExcelJS.Buffer);
    const parseMs = performance.now() - parseStarted;

    const idleMiB = residentMiB(service.pid!);
    let peakMiB = idleMiB;
    const sampler = setInterval(() => {
      peakMiB = Math.max(peakMiB, residentMiB(service.pid!));
    }, 200);
    const token = issueDevelopmentToken({ sub: pmo.id, roles: pmo.roles }, TEST_ENVIRONMENT.jwtSecret);
    const started = performance.now();
    const upload = await fetch(`${service.baseUrl}/api/imports/initiatives`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE }, body: new Uint8Array(file) });
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: string };
    let checkedAt = 0;
    let progress: { state: string; applied: number; checked: number; total: number };
    for (;;) {
      progress = ((await (await fetch(`${service.baseUrl}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { progress: typeof progress }).progress;
      if (!checkedAt && !['reading', 'checking'].includes(progress.state)) checkedAt = performance.now();
      if (['completed', 'refused', 'cancelled', 'failed'].includes(progress.state)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const doneAt = performance.now();
    clearInterval(sampler);
    if (progress.state !== 'completed' || progress.applied !== INITIATIVES) throw new Error(`the import ended ${JSON.stringify(progress)}`);

    // The bare engine of applying: initiatives created over the API, 8 at once, as the import creates them.
    const as = apiAs(service.baseUrl, pmo);
    const apiStarted = performance.now();
    await inParallel(Array.from({ length: API_CREATES }, (_, index) => index), 8, async (index) => {
      const created = await as.post('/api/initiatives', {
        title: `Bench API ${program.slice(-8)} ${index}`,
        programId: program,
        ownerId: people.owner,
        sponsorId: people.sponsor,
        controllerId: people.controller,
        category: 'cost',
        measures: [{ name: 'Freight rates', category: 'procurement', plannedValues: [{ period: '2027-03', amount: 125_050 }, { period: '2027-04', amount: 200_000 }] }],
        oneTimeCosts: [{ period: '2027-01', amount: 40_000 }],
        milestones: [{ title: 'Tender sent', dueDate: '2027-02-15' }],
      });
      if (created.status !== 201) throw new Error(`create answered ${created.status}`);
    });
    const apiMs = performance.now() - apiStarted;

    const checkMs = checkedAt - started;
    const applyMs = doneAt - checkedAt;
    const checkedRate = INITIATIVES / (checkMs / 1000);
    const parseRate = INITIATIVES / (parseMs / 1000);
    const appliedRate = INITIATIVES / (applyMs / 1000);
    const apiRate = API_CREATES / (apiMs / 1000);
    report(`import of ${INITIATIVES} initiatives from one xlsx file (${(file.length / 1024 / 1024).toFixed(1)} MiB, ${INITIATIVES * 6} data rows on five sheets)`, [
      ['checked: upload to every row read and checked', `${(checkMs / 1000).toFixed(1)} s, ${perSecond(INITIATIVES, checkMs)}`],
      ['bare: exceljs reading the same file', `${(parseMs / 1000).toFixed(1)} s, ${perSecond(INITIATIVES, parseMs)}`],
      ['ratio checked / bare read', (checkedRate / parseRate).toFixed(2)],
      ['applied: initiatives created with their lifecycles', `${(applyMs / 1000).toFixed(1)} s, ${perSecond(INITIATIVES, applyMs)}`],
      [`bare: ${API_CREATES} created over the API, 8 at once`, `${(apiMs / 1000).toFixed(1)} s, ${perSecond(API_CREATES, apiMs)}`],
      ['ratio applied / API creates', (appliedRate / apiRate).toFixed(2)],
      ['initiatives service resident memory: idle, peak, growth', `${idleMiB.toFixed(0)} MiB, ${peakMiB.toFixed(0)} MiB, +${(peakMiB - idleMiB).toFixed(0)} MiB`],
    ]);
  });
});
