import ExcelJS from 'exceljs';
import { goodInitiativeRows, initiativeWorkbook as workbook, XLSX_CONTENT_TYPE as XLSX, type ImportRows as Rows } from '../../../../test/support/initiative-workbook-file';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { SPREADSHEET_BODY_IDLE_MS, SPREADSHEET_BODY_LIMIT_BYTES } from '@tollgate/spreadsheets';
import JSZip from 'jszip';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { issueDevelopmentToken } from '@tollgate/auth';
import { announceProgram } from '../../../../test/support/org-nodes';
import type { RunningService } from '../../../../test/support/running-service';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { Initiative } from '../projection/initiative.entity';
import { InitiativeImport } from './initiative-import.entity';

const pmo: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
// Initiatives from a spreadsheet: every bad cell answered, nothing half-imported, the same file twice changes nothing.
describe('importing initiatives from a spreadsheet', () => {
  let stack: TestStack<'initiatives'>;
  let initiatives: RunningService;
  let program: string;
  const people = { owner: `owner-${randomUUID()}`, sponsor: `sponsor-${randomUUID()}`, controller: `controller-${randomUUID()}` };

  beforeAll(async () => {
    ({ initiatives } = stack = await startTestStack({ services: ['initiatives'], worker: true }));
    program = await announceProgram(initiatives.dataSource, 'Imported');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person) => apiAs(initiatives.baseUrl, person);
  async function upload(file: Buffer | string, mode: 'all' | 'valid' = 'all', person: Person = pmo, type = XLSX) {
    const response = await fetch(`${initiatives.baseUrl}/api/imports/initiatives?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: person.id, roles: person.roles }, TEST_ENVIRONMENT.jwtSecret)}`, 'content-type': type },
      body: typeof file === 'string' ? file : new Uint8Array(file),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  }
  const finished = (id: string) =>
    eventually(
      async () => (await as(pmo).get(`/api/imports/${id}`)).body,
      (view) => ['completed', 'refused', 'cancelled', 'failed'].includes(view?.progress?.state),
      { timeoutMs: 120_000, what: `import ${id} to end` },
    );
  const imported = (keys: string[]) => initiatives.dataSource.getRepository(Initiative).countBy(keys.map((key) => ({ title: `Imported ${key}` })));

  const goodRows = (keys: string[]) => goodInitiativeRows(keys, program, people);

  it('offers a template with a sheet per table and notes on every column', async () => {
    const response = await fetch(`${initiatives.baseUrl}/api/imports/initiatives/template`, {
      headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: pmo.id, roles: pmo.roles }, TEST_ENVIRONMENT.jwtSecret)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Initiatives', 'Measures', 'Planned values', 'One-time costs', 'Milestones', 'Notes']);
    expect(book.getWorksheet('Initiatives')!.getRow(1).values).toEqual([undefined, 'Key', 'Title', 'Program', 'Owner', 'Sponsor', 'Controller', 'Category', 'Currency', 'Rough value']);
    expect(book.getWorksheet('Notes')!.rowCount).toBeGreaterThan(20);
  });

  it('answers every bad cell of a file by sheet, row and column and imports nothing; the file fixed imports; the same file again changes nothing', async () => {
    const keys = [`A-${randomUUID().slice(0, 6)}`, `B-${randomUUID().slice(0, 6)}`, `C-${randomUUID().slice(0, 6)}`];
    const [a, b, c] = keys;
    const good = goodRows(keys);
    const bad: Rows = {
      Initiatives: [
        [a, '', program, people.owner, people.sponsor, people.controller, 'cost', 'EURO', null], // row 2: no title, bad currency
        [b, `Imported ${b}`, 'program-nowhere', people.owner, people.owner, people.controller, 'x'.repeat(101), 'EUR', null], // row 3: unknown program, category too long
        [c, `Imported ${c}`, program, people.owner, people.owner, people.controller, 'cost', 'EUR', null], // row 4: sponsor is the owner
        [a, 'Twice', program, people.owner, people.sponsor, null, 'cost', 'EUR', null], // row 5: key given twice
      ],
      Measures: [
        [a, 'Freight rates', 'procurement'],
        [b, 'Freight rates', 'procurement'],
        [c, 'Freight rates', 'procurement'],
        [c, 'Freight rates', 'procurement'], // row 5: measure given twice
        ['Z-none', 'Orphan', 'cost'], // row 6: no such initiative
      ],
      'Planned values': [
        [a, 'Freight rates', 'March', 100], // row 2: bad period
        [b, 'Freight rates', '2027-03', 'abc'], // row 3: not an amount
        [c, 'Freight rates', '2027-03', -5], // row 4: negative
        [c, 'Fuel', '2027-03', 10], // row 5: no such measure
        [c, 'Freight rates', '2027-04', 12.345], // row 6: three decimals
      ],
      'One-time costs': good['One-time costs'],
      Milestones: [
        [a, 'Tender sent', '2027-02-30'], // row 2: no such day
        [b, '', '2027-02-01'], // row 3: no title
        [c, 'Tender sent', '2027-02-01'],
      ],
    };
    const refused = await upload(await workbook(bad));
    expect(refused.status).toBe(422);
    expect(refused.body.progress).toMatchObject({ state: 'refused', applied: 0 });
    const cells = (refused.body.problems as { sheet: string; row: number; column: string | null; message: string }[]).map(({ sheet, row, column }) => `${sheet}!${row}:${column}`);
    expect(cells).toEqual(
      expect.arrayContaining([
        'Initiatives!2:Title',
        'Initiatives!2:Currency',
        'Initiatives!3:Program',
        'Initiatives!3:Category',
        'Initiatives!4:Sponsor',
        'Initiatives!5:Key',
        'Measures!5:Measure',
        'Measures!6:Initiative key',
        'Planned values!2:Period',
        'Planned values!3:Amount',
        'Planned values!4:Amount',
        'Planned values!5:Measure',
        'Planned values!6:Amount',
        'Milestones!2:Due date',
        'Milestones!3:Milestone',
      ]),
    );
    expect(refused.body.problems.find((problem: { sheet: string; row: number }) => problem.sheet === 'Planned values' && problem.row === 6).message).toBe('EUR has 2 decimals; the amount has more');
    expect(await imported(keys)).toBe(0);

    const fixed = await workbook(good);
    const accepted = await upload(fixed);
    expect(accepted.status).toBe(202);
    const done = await finished(accepted.body.id);
    expect(done.progress).toMatchObject({ state: 'completed', total: 3, checked: 3, applied: 3, unchanged: 0, refused: 0, problems: 0 });
    expect(await imported(keys)).toBe(3);
    const row = await initiatives.dataSource.getRepository(Initiative).findOneByOrFail({ title: `Imported ${a}` });
    const shown = (await as(pmo).get(`/api/initiatives/${row.id}`)).body;
    expect(shown).toMatchObject({ programId: program, ownerId: people.owner, sponsorId: people.sponsor, controllerId: people.controller, stage: 0 });
    expect(shown.measures[0].plannedValues).toEqual([
      { period: '2027-03', amount: 125_050 },
      { period: '2027-04', amount: 200_000 },
    ]);
    expect(shown.milestones).toEqual([expect.objectContaining({ title: 'Tender sent', dueDate: '2027-02-15' })]);

    const again = await upload(fixed);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(accepted.body.id);
    expect(await imported(keys)).toBe(3);
  });

  it('imports the good initiatives of a bad file when asked to, refusing the rest; a file naming them again leaves them as they are', async () => {
    const keys = [`G-${randomUUID().slice(0, 6)}`, `H-${randomUUID().slice(0, 6)}`];
    const rows = goodRows(keys);
    rows.Initiatives[1][2] = 'program-nowhere';
    const answer = await upload(await workbook(rows), 'valid');
    expect(answer.status).toBe(202);
    const done = await finished(answer.body.id);
    expect(done.progress).toMatchObject({ state: 'completed', total: 2, applied: 1, refused: 1, problems: 1 });
    const problems = (await as(pmo).get(`/api/imports/${answer.body.id}/problems`)).body;
    expect(problems).toMatchObject({ total: 1, problems: [{ sheet: 'Initiatives', row: 3, column: 'Program', message: "'program-nowhere' is not a known program" }] });

    // Another file (its rows in another order) with the same keys: what exists stays, nothing is made twice.
    const reordered = goodRows([keys[0]]);
    reordered.Milestones[0][1] = 'Renamed milestone';
    const second = await upload(await workbook(reordered));
    const secondDone = await finished(second.body.id);
    expect(secondDone.progress).toMatchObject({ state: 'completed', applied: 0, unchanged: 1 });
    expect(await imported(keys)).toBe(1);
  });

  it('imports from a CSV of one row per planned value, naming a bad cell by its CSV row and column', async () => {
    const [a, b] = [`CSV-${randomUUID().slice(0, 6)}`, `CSV-${randomUUID().slice(0, 6)}`];
    const header = 'Key,Title,Program,Owner,Sponsor,Controller,Category,Currency,Rough value,Measure,Measure category,Period,Amount,One-time cost period,One-time cost,Milestone,Due date';
    const lines = (amount: string) => [
      header,
      `${a},Imported ${a},${program},${people.owner},${people.sponsor},${people.controller},cost,EUR,,Freight rates,procurement,2027-03,1250.50,2027-01,400,Tender sent,2027-02-15`,
      `${a},,,,,,,,,Freight rates,,2027-04,2000,,,,`,
      `${b},Imported ${b},${program},${people.owner},${people.sponsor},,revenue,EUR,,Upsell,sales,2027-05,${amount},,,Launch,2027-04-01`,
    ];
    const refused = await upload(lines('lots').join('\r\n'), 'all', pmo, 'text/csv');
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([{ sheet: 'CSV', row: 4, column: 'Amount', message: 'expected an amount in EUR such as 1234.50' }]);
    expect(await imported([a, b])).toBe(0);

    const accepted = await upload(lines('99.99').join('\r\n'), 'all', pmo, 'text/csv');
    expect(accepted.status).toBe(202);
    expect((await finished(accepted.body.id)).progress).toMatchObject({ state: 'completed', applied: 2 });
    const row = await initiatives.dataSource.getRepository(Initiative).findOneByOrFail({ title: `Imported ${a}` });
    const shown = (await as(pmo).get(`/api/initiatives/${row.id}`)).body;
    expect(shown.measures[0].plannedValues).toEqual([
      { period: '2027-03', amount: 125_050 },
      { period: '2027-04', amount: 200_000 },
    ]);
    expect(shown.oneTimeCosts).toEqual([{ period: '2027-01', amount: 40_000 }]);
  });

  it('keeps an import its uploader\'s: the same file from two people is two imports, each seen by its own uploader only', async () => {
    const keys = [`U1-${randomUUID().slice(0, 6)}`, `U2-${randomUUID().slice(0, 6)}`];
    const file = await workbook(goodRows(keys));
    const other: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
    const first = await upload(file, 'all', pmo);
    expect(first.status).toBe(202);
    const second = await upload(file, 'all', other);
    // Not 403 for their own file, nor the first uploader's import handed over.
    expect(second.status).toBe(202);
    expect(second.body.id).not.toBe(first.body.id);
    const [firstDone, secondDone] = await Promise.all([finished(first.body.id), finished(second.body.id)]);
    expect(firstDone).toMatchObject({ importedBy: pmo.id, progress: { state: 'completed', applied: 2 } });
    // The second finds what the first created: the same keys name the same initiatives.
    expect(secondDone).toMatchObject({ importedBy: other.id, progress: { state: 'completed', applied: 0, unchanged: 2 } });
    expect(await imported(keys)).toBe(2);
    const owner: Person = { id: people.owner, roles: ['owner'] };
    const byOwner = await upload(file, 'all', owner);
    expect(byOwner.status).toBe(202);
    expect((await as(owner).get(`/api/imports/${first.body.id}`)).status).toBe(403);
    expect((await as(owner).get(`/api/imports/${byOwner.body.id}`)).status).toBe(200);
    // The same uploader again: their own import, nothing done twice.
    expect(await upload(file, 'all', other)).toMatchObject({ status: 200, body: { id: second.body.id } });
  });

  /** Sends the start of a 20 MiB upload and then nothing more; resolves with the answer's status and when it came. */
  function stalledUpload(token: string | null): Promise<{ status: number; afterMs: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const request = http.request(`${initiatives.baseUrl}/api/imports/initiatives`, {
        method: 'POST',
        headers: { 'content-type': XLSX, 'content-length': String(20 * 1024 * 1024), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, afterMs: Date.now() - started });
        request.destroy();
      });
      request.on('error', reject);
      request.write(Buffer.alloc(64 * 1024));
    });
  }

  it('reads an upload only after authentication, and cuts off one that stalls within seconds', async () => {
    // Not signed in: answered at once, without waiting for a byte more of the body.
    const anonymous = await stalledUpload(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.afterMs).toBeLessThan(2000);
    // Signed in but not allowed to import: the same.
    const viewer = await stalledUpload(issueDevelopmentToken({ sub: `viewer-${randomUUID()}`, roles: ['viewer'] }, TEST_ENVIRONMENT.jwtSecret));
    expect(viewer.status).toBe(403);
    expect(viewer.afterMs).toBeLessThan(2000);
    // Allowed: the body is read, and when it stops coming the upload is cut off with 408, not held for minutes.
    const stalled = await stalledUpload(issueDevelopmentToken({ sub: pmo.id, roles: pmo.roles }, TEST_ENVIRONMENT.jwtSecret));
    expect(stalled.status).toBe(408);
    expect(stalled.afterMs).toBeGreaterThanOrEqual(SPREADSHEET_BODY_IDLE_MS - 500);
    expect(stalled.afterMs).toBeLessThan(SPREADSHEET_BODY_IDLE_MS + 5000);
  });

  /** The slowest answer of `/health/live`, asked every 50 ms until `work` ends; every answer must be 200. */
  async function slowestLiveAnswerDuring<T>(work: Promise<T>): Promise<{ result: T; slowestMs: number }> {
    let done = false;
    const finished = work.finally(() => (done = true));
    let slowestMs = 0;
    while (!done) {
      const asked = performance.now();
      const live = await fetch(`${initiatives.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      slowestMs = Math.max(slowestMs, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { result: await finished, slowestMs };
  }

  it('refuses the largest accepted file with one huge cell at once, naming the limit and storing nothing, while /health/live answers within a second', async () => {
    const uploader: Person = { id: `pmo-${randomUUID()}`, roles: ['pmo'] };
    // A CSV of just under the body limit: 35 000 ordinary records (some 8 MiB, near the cells' limit), then one cell holding the rest.
    const record = `K,Freight,${program},${people.owner},${people.sponsor},${people.controller},cost,EUR,,Freight rates,procurement,2027-03,1250\n`;
    const head = `Key,Title,Program,Owner,Sponsor,Controller,Category,Currency,Rough value,Measure,Measure category,Period,Amount\n${record.repeat(35_000)}`;
    const csv = `${head}K,${'x'.repeat(SPREADSHEET_BODY_LIMIT_BYTES - head.length - 1024)}\n`;
    expect(csv.length).toBeGreaterThan(24 * 1024 * 1024);
    const refusedCsv = await slowestLiveAnswerDuring(upload(csv, 'all', uploader, 'text/csv'));
    expect(refusedCsv.result).toMatchObject({ status: 422, body: { code: 'spreadsheet_beyond_limit', unmet: ['cellCharacters'], message: expect.stringMatching(/^the CSV's record 35002, field 2 is longer than 2 000 characters \(it begins 'x{40}…'\)$/) } });
    expect(refusedCsv.slowestMs).toBeLessThan(1000);

    // An xlsx of just under the body limit whose one cell inflates to some 30 MiB of text nothing compresses.
    const book = await JSZip.loadAsync(await workbook(goodRows(['H1'])));
    const huge = Buffer.alloc(23 * 1024 * 1024);
    for (let at = 0; at < huge.length; at += 4) huge.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, at);
    book.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Key</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${huge.toString('base64')}</t></is></c></row></sheetData></worksheet>`,
    );
    const xlsx = await book.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(xlsx.length).toBeLessThan(SPREADSHEET_BODY_LIMIT_BYTES);
    const refusedXlsx = await slowestLiveAnswerDuring(upload(xlsx, 'all', uploader));
    expect(refusedXlsx.result).toMatchObject({ status: 422, body: { code: 'spreadsheet_beyond_limit', unmet: ['cellCharacters'], message: expect.stringMatching(/^sheet Initiatives, cell A2 is longer than 2 000 characters/) } });
    expect(refusedXlsx.slowestMs).toBeLessThan(1000);
    // Nothing of either file was kept.
    expect(await initiatives.dataSource.getRepository(InitiativeImport).countBy({ importedBy: uploader.id })).toBe(0);
  }, 120_000);

  it('reads no spreadsheet body on a route that takes none', async () => {
    const response = await fetch(`${initiatives.baseUrl}/api/initiatives`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: pmo.id, roles: pmo.roles }, TEST_ENVIRONMENT.jwtSecret)}`, 'content-type': XLSX },
      body: new Uint8Array(await workbook(goodRows([`N-${randomUUID().slice(0, 6)}`]))),
    });
    // The JSON route sees no body at all: its validation answers, nothing reads the file.
    expect(response.status).toBe(400);
  });

  it('answers 404 for an import id that is no import, whatever its shape, and never reaches the database with it', async () => {
    for (const id of [randomUUID(), '-'.repeat(36), 'not-an-id', `${'0'.repeat(8)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'0'.repeat(4)}-${'g'.repeat(12)}`]) {
      for (const path of [`/api/imports/${id}`, `/api/imports/${id}/problems`]) {
        expect({ path, status: (await as(pmo).get(path)).status }).toEqual({ path, status: 404 });
      }
      expect({ id, status: (await as(pmo).post(`/api/imports/${id}/cancel`)).status }).toEqual({ id, status: 404 });
    }
  });

  it('cancels an import under way: the step under way ends, no other begins, and what was created stays', async () => {
    const keys = Array.from({ length: 400 }, (_, index) => `K${index}-${randomUUID().slice(0, 6)}`);
    // The initiatives table held against writes, so that the first step of 100 creations waits inside
    // the import until the cancellation has arrived, however fast the machine is.
    const holder = initiatives.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let progress: unknown;
    try {
      await holder.query('LOCK TABLE initiatives.initiative IN EXCLUSIVE MODE');
      const answer = await upload(await workbook(goodRows(keys)));
      expect(answer.status).toBe(202);
      await eventually(
        async () => (await as(pmo).get(`/api/imports/${answer.body.id}`)).body.progress,
        (now) => now.state === 'applying',
        { timeoutMs: 60_000, what: 'the import to begin creating initiatives' },
      );
      const cancelled = await as(pmo).post(`/api/imports/${answer.body.id}/cancel`);
      expect(cancelled.status).toBe(202);
      await holder.commitTransaction();
      progress = (await finished(answer.body.id)).progress;
      expect((await as(pmo).post(`/api/imports/${answer.body.id}/cancel`)).status).toBe(409);
      expect((await as({ id: `someone-${randomUUID()}`, roles: ['owner'] }).get(`/api/imports/${answer.body.id}`)).status).toBe(403);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect(progress).toMatchObject({ state: 'cancelled', total: 400, applied: 100 });
    expect(await imported(keys)).toBe(100);
  });
});
