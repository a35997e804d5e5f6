import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { initiativePeople, type InitiativePeople } from '../../../../test/support/initiative-walk';
import type { RunningService } from '../../../../test/support/running-service';
import { centsOf, csvRows, downloadAs, fileNameOf, periodOf, sheetHeaders, sheetRows, workbookOf, XLSX_TYPE } from '../../../../test/support/spreadsheet-download';
import { startInitiativesStack, startTestStack, type InitiativesStack } from '../../../../test/support/test-stack';

const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

// An initiative created through the initiatives API, value confirmed through finance's: its ledger exported beside GET /api/initiatives/:id/ledger.
describe('ledger export', () => {
  let stack: InitiativesStack;
  let finance: RunningService;
  let stopFinance: (() => Promise<void>) | undefined;
  let people: InitiativePeople;
  let initiativeId: string;
  let code: string;

  const financeAs = (person: Person | null) => apiAs(finance.baseUrl, person);
  const download = (path: string, person: Person | null = viewer) => downloadAs(finance.baseUrl, person, path);

  beforeAll(async () => {
    [stack, { finance, stop: stopFinance }] = await Promise.all([startInitiativesStack(), startTestStack({ services: ['finance'] })]);
    people = initiativePeople();
    // Amounts with cents in two periods, so that a ledger in cents or rounded to whole euros would show.
    const created = await apiAs(stack.service.baseUrl, people.owner).post('/api/initiatives', {
      title: `Exported initiative ${randomUUID().slice(0, 8)}`,
      programId: stack.programId,
      ownerId: people.owner.id,
      sponsorId: people.sponsor.id,
      controllerId: people.controller.id,
      category: 'cost',
      measures: [
        { name: 'Freight', category: 'opex', plannedValues: [{ period: '2027-02', amount: 125_050 }, { period: '2027-03', amount: 250_000 }] },
        { name: 'Warehousing', category: 'opex', plannedValues: [{ period: '2027-03', amount: 40_001 }] },
      ],
      milestones: [{ title: 'Delivered', dueDate: '2099-12-31' }],
    });
    expect(created.status).toBe(201);
    initiativeId = created.body.id;
    code = created.body.code;
    await eventually(() => financeAs(people.controller).get(`/api/initiatives/${initiativeId}/ledger`), (answer) => answer.status === 200, {
      // The first time, finance may still be reading the initiatives topic from its beginning.
      what: 'finance to learn of the initiative',
      timeoutMs: 300_000,
      intervalMs: 250,
    });
    const confirmed = await financeAs(people.controller).post('/api/confirmations', {
      confirmationId: `conf-${randomUUID()}`,
      initiativeId,
      period: '2027-03',
      amount: 240_075,
      currency: 'EUR',
      reference: 'GL 2027-03',
    });
    expect(confirmed.status).toBe(201);
    await eventually(() => financeAs(viewer).get(`/api/initiatives/${initiativeId}/ledger`), (answer) => answer.body.totals.confirmed === 240_075, { what: 'the confirmation in the ledger' });
  });

  afterAll(async () => {
    await stack?.worker.stop();
    await Promise.all([stack?.service.close(), stopFinance?.()]);
  });

  it('exports the ledger as a workbook whose periods and totals are those of GET /api/initiatives/:id/ledger', async () => {
    const ledger = (await financeAs(viewer).get(`/api/initiatives/${initiativeId}/ledger`)).body;
    const file = await download(`/api/initiatives/${initiativeId}/ledger/export`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(XLSX_TYPE);
    expect(fileNameOf(file)).toBe(`ledger-${code.toLowerCase()}-<date>.xlsx`);

    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ledger', 'Totals', 'Notes']);
    expect(sheetHeaders(workbook, 'Ledger')).toEqual(['Period', 'Planned', 'Forecast', 'Confirmed', 'Currency']);
    const periods = sheetRows(workbook, 'Ledger');
    expect(periods.map((row) => ({ period: periodOf(row.Period), planned: centsOf(row.Planned), forecast: centsOf(row.Forecast), confirmed: centsOf(row.Confirmed) }))).toEqual(ledger.periods);
    expect(periods.map((row) => row.Currency)).toEqual(ledger.periods.map(() => 'EUR'));
    expect(ledger.periods.map((period: { period: string; planned: number }) => [period.period, period.planned])).toEqual([
      ['2027-02', 125_050],
      ['2027-03', 290_001],
    ]);

    const [totals] = sheetRows(workbook, 'Totals');
    expect({ planned: centsOf(totals.Planned), forecast: centsOf(totals.Forecast), confirmed: centsOf(totals.Confirmed) }).toEqual(ledger.totals);
    expect(centsOf(totals.Baseline)).toBe(ledger.realization.baseline);
    // The rate as the API rounds it, shown as a percentage; no leakage before closure.
    expect(totals['Realization rate']).toBe(ledger.realization.realizationRate);
    expect(workbook.getWorksheet('Totals')!.getCell('E2').numFmt).toBe('0.0%');
    expect(totals.Leakage).toBe(ledger.realization.leakage);
    expect(totals['Awaiting confirmation']).toBe(ledger.realization.awaitingConfirmation ? 'yes' : 'no');
    expect(sheetRows(workbook, 'Notes')).toEqual(expect.arrayContaining([{ Topic: 'Initiative', Note: initiativeId }, { Topic: 'Code', Note: code }]));
  });

  it('exports the ledger as CSV, money in major units with its currency, periods YYYY-MM', async () => {
    const ledger = (await financeAs(viewer).get(`/api/initiatives/${initiativeId}/ledger`)).body;
    const file = await download(`/api/initiatives/${initiativeId}/ledger/export?format=csv`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(file)).toBe(`ledger-${code.toLowerCase()}-ledger-<date>.csv`);
    const { headers, rows } = csvRows(file);
    expect(headers).toEqual(['Period', 'Planned', 'Forecast', 'Confirmed', 'Currency']);
    expect(rows.map((row) => ({ period: row.Period, planned: centsOf(row.Planned), forecast: centsOf(row.Forecast), confirmed: centsOf(row.Confirmed) }))).toEqual(ledger.periods);
    expect(rows.find((row) => row.Period === '2027-03')).toMatchObject({ Planned: '2900.01', Confirmed: '2400.75', Currency: 'EUR' });

    const totals = csvRows(await download(`/api/initiatives/${initiativeId}/ledger/export?format=csv&table=totals`));
    expect(totals.rows).toHaveLength(1);
    expect(centsOf(totals.rows[0].Confirmed)).toBe(ledger.totals.confirmed);
    expect(Number(totals.rows[0]['Realization rate'])).toBe(ledger.realization.realizationRate);
  });

  it("answers the JSON route's errors, and 400 for a format or table the export does not have", async () => {
    expect((await financeAs(viewer).get(`/api/initiatives/${randomUUID()}/ledger`)).status).toBe(404);
    expect((await download(`/api/initiatives/${randomUUID()}/ledger/export`)).status).toBe(404);
    expect((await download(`/api/initiatives/${initiativeId}/ledger/export`, null)).status).toBe(401);
    const refused = await download(`/api/initiatives/${initiativeId}/ledger/export?format=pdf`);
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.parse((await download(`/api/initiatives/${initiativeId}/ledger/export?format=csv&table=confirmations`)).body.toString('utf8')).message).toBe(
      'table must be one of ledger, totals, notes',
    );
  });

  it('documents the export in OpenAPI as a workbook or a CSV file', async () => {
    const document = (await fetch(`${finance.baseUrl}/api/docs-json`).then((response) => response.json())) as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const { responses } = document.paths['/api/initiatives/{id}/ledger/export'].get;
    expect(Object.keys(responses['200'].content ?? {})).toEqual([XLSX_TYPE, 'text/csv']);
    for (const status of ['400', '401', '404']) expect(Object.keys(responses[status].content ?? {})).toEqual(['application/json']);
  });
});
