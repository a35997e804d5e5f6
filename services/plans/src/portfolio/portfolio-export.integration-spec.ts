import { createEnvelope, TOPICS, type EventData, type EventType } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { centsOf, csvRows, downloadAs, fileNameOf, periodOf, sheetHeaders, sheetRows, workbookOf, XLSX_TYPE } from '../../../../test/support/spreadsheet-download';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { produceSigned } from '../../../../test/support/topic-reader';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

type Values = { period: string; amount: number }[];
const total = (values: Values) => values.reduce((sum, value) => sum + value.amount, 0);
const STAGE_NAMES = ['Defined', 'Identified', 'Detailed', 'Decided', 'Implemented', 'Closed'];

/**
 * The portfolio's exports (summary, values per period, waterfall) against the
 * JSON routes beside them: the portfolio under a hierarchy of its own, fed
 * with initiative and finance events as the other services send them (as the
 * portfolio report suite does), and a plan of record written through the API.
 * Each export is read back as a person would open it, and its figures must be
 * the API's.
 */
describe('portfolio exports', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  const run = randomUUID().slice(0, 8);
  const nodes = { organization: '', program: '' };
  let codes = 0;

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);
  const download = (path: string, person: Person | null = viewer) => downloadAs(plans.baseUrl, person, path);

  async function node(name: string, kind: string, parentId?: string): Promise<string> {
    const answer = await as(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  async function send<T extends EventType>(type: T, subject: string, data: EventData<T>): Promise<void> {
    const owner = type.startsWith('finance.') ? 'finance' : 'initiatives';
    await produceSigned(owner, owner === 'finance' ? TOPICS.financeEvents : TOPICS.initiativesEvents, createEnvelope({ type, source: `tollgate/${owner}`, subject, data }, randomUUID(), new Date()));
  }

  /** An initiative as the initiatives service announces it, walked gate by gate to `toStage`. */
  async function walk(initiativeId: string, toStage: number, plannedValues: Values, forecastValues: Values) {
    const measures = [{ measureId: `${initiativeId}-m`, name: 'Savings', category: 'cost', plannedValues, forecastValues }];
    const subject = { initiativeId, programId: nodes.program };
    await send('initiative.created', initiativeId, {
      ...subject,
      code: `X${run}${(codes += 1)}`,
      title: `Initiative ${initiativeId}`,
      ownerId: `owner-${run}`,
      sponsorId: `sponsor-${run}`,
      controllerId: `controller-${run}`,
      category: 'cost',
      currency: 'EUR',
      stage: 0,
      status: 'on_track',
      plannedValue: total(plannedValues),
      measures,
    });
    for (let stage = 1; stage <= toStage; stage += 1) {
      await send('initiative.stage-changed', initiativeId, {
        ...subject,
        fromStage: stage - 1,
        toStage: stage,
        cause: 'gate',
        gateRequestId: randomUUID(),
        decidedBy: [`sponsor-${run}`],
        comment: null,
        status: 'on_track',
        currency: 'EUR',
        plannedValue: total(plannedValues),
        forecastValue: total(forecastValues),
        baselineFrozen: stage >= 3,
        measures,
      });
    }
  }

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'] }));
    nodes.organization = await node(`Exports ${run}`, 'organization');
    nodes.program = await node('Logistics excellence', 'program', await node('Operations', 'business_unit', nodes.organization));
    // Amounts with cents, so that a file in cents or rounded to whole euros would show.
    await walk(`implemented-${run}`, 4, [{ period: '2027-01', amount: 100_050 }, { period: '2027-02', amount: 200_000 }], [{ period: '2027-02', amount: 150_025 }]);
    await walk(`decided-${run}`, 3, [{ period: '2027-02', amount: 60_001 }], [{ period: '2027-02', amount: 60_001 }]);
    await walk(`identified-${run}`, 1, [{ period: '2027-03', amount: 33_333 }], []);
    await send('finance.value-confirmed', `implemented-${run}`, {
      confirmationId: `GL-${run}`,
      initiativeId: `implemented-${run}`,
      period: '2027-01',
      amount: 90_025,
      currency: 'EUR',
      reference: 'GL 2027-01',
      controllerId: `controller-${run}`,
    });
    await eventually(
      () => as(viewer).get(`/api/portfolio/summary?orgNodeId=${nodes.organization}`),
      // Each initiative at its last stage, and the confirmation in: every event applied.
      (answer) =>
        JSON.stringify(answer.body?.byStage?.map((stage: { count: number }) => stage.count)) === JSON.stringify([0, 1, 0, 1, 1, 0]) && answer.body.total.confirmed === 90_025,
      { what: 'the portfolio to hold the three initiatives at their stages and the confirmation' },
    );
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exports the summary as a workbook whose figures per stage and in total are those of GET /api/portfolio/summary', async () => {
    const summary = (await as(viewer).get(`/api/portfolio/summary?orgNodeId=${nodes.organization}`)).body;
    const file = await download(`/api/portfolio/summary/export?orgNodeId=${nodes.organization}`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(XLSX_TYPE);
    expect(fileNameOf(file)).toBe('portfolio-summary-<date>.xlsx');

    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['By stage', 'Total', 'Notes']);
    expect(sheetHeaders(workbook, 'By stage')).toEqual(['Stage', 'Stage name', 'Initiatives', 'Planned', 'Forecast', 'Confirmed', 'Currency']);
    const byStage = sheetRows(workbook, 'By stage');
    expect(byStage.map((row) => ({ stage: row.Stage, count: row.Initiatives, planned: centsOf(row.Planned), forecast: centsOf(row.Forecast), confirmed: centsOf(row.Confirmed) }))).toEqual(summary.byStage);
    expect(byStage.map((row) => [row['Stage name'], row.Currency])).toEqual(STAGE_NAMES.map((name) => [name, 'EUR']));
    // The cells are numbers a spreadsheet sums, shown as euros.
    expect(workbook.getWorksheet('By stage')!.getCell('D2').numFmt).toBe('#,##0.00 "EUR"');
    const [totals] = sheetRows(workbook, 'Total');
    expect({ count: totals.Initiatives, planned: centsOf(totals.Planned), forecast: centsOf(totals.Forecast), confirmed: centsOf(totals.Confirmed) }).toEqual(summary.total);
    expect(summary.total).toEqual({ count: 3, planned: 393_384, forecast: 210_026, confirmed: 90_025 });
    expect(sheetRows(workbook, 'Notes')).toEqual(expect.arrayContaining([{ Topic: 'Org node', Note: nodes.organization }]));
  });

  it('exports the summary as CSV, one table at a time, money in major units with its currency', async () => {
    const summary = (await as(viewer).get(`/api/portfolio/summary?orgNodeId=${nodes.organization}`)).body;
    const file = await download(`/api/portfolio/summary/export?orgNodeId=${nodes.organization}&format=csv`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(file)).toBe('portfolio-summary-by-stage-<date>.csv');
    const { headers, rows } = csvRows(file);
    expect(headers).toEqual(['Stage', 'Stage name', 'Initiatives', 'Planned', 'Forecast', 'Confirmed', 'Currency']);
    expect(rows.map((row) => ({ stage: Number(row.Stage), count: Number(row.Initiatives), planned: centsOf(row.Planned), forecast: centsOf(row.Forecast), confirmed: centsOf(row.Confirmed) }))).toEqual(summary.byStage);
    // Written as people write money: two decimals, no thousands separator.
    expect(rows[4]).toMatchObject({ 'Stage name': 'Implemented', Planned: '3000.50', Forecast: '1500.25', Confirmed: '900.25', Currency: 'EUR' });

    const totalFile = await download(`/api/portfolio/summary/export?orgNodeId=${nodes.organization}&format=csv&table=total`);
    expect(fileNameOf(totalFile)).toBe('portfolio-summary-total-<date>.csv');
    expect(csvRows(totalFile).rows).toEqual([{ Initiatives: '3', Planned: '3933.84', Forecast: '2100.26', Confirmed: '900.25', Currency: 'EUR' }]);
  });

  it('exports values per period, every period of the range and with by=stage each stage, as the API sums them', async () => {
    const query = `orgNodeId=${nodes.organization}&from=2026-12&to=2027-03&by=stage`;
    const values = (await as(viewer).get(`/api/portfolio/values?${query}`)).body;
    const file = await download(`/api/portfolio/values/export?${query}`);
    expect(file.status).toBe(200);
    expect(fileNameOf(file)).toBe('portfolio-values-<date>.xlsx');
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Values', 'By stage', 'Notes']);

    const periods = sheetRows(workbook, 'Values');
    expect(periods.map((row) => ({ period: periodOf(row.Period), planned: centsOf(row.Planned), forecast: centsOf(row.Forecast), confirmed: centsOf(row.Confirmed) }))).toEqual(
      values.periods.map(({ period, planned, forecast, confirmed }: Record<string, unknown>) => ({ period, planned, forecast, confirmed })),
    );
    expect(periods.map((row) => periodOf(row.Period))).toEqual(['2026-12', '2027-01', '2027-02', '2027-03']);
    expect(workbook.getWorksheet('Values')!.getCell('A2').numFmt).toBe('mmm yyyy');
    expect(periods.every((row) => row.Currency === 'EUR')).toBe(true);

    const stages = sheetRows(workbook, 'By stage').map((row) => ({
      period: periodOf(row.Period),
      stage: row.Stage,
      planned: centsOf(row.Planned),
      forecast: centsOf(row.Forecast),
      confirmed: centsOf(row.Confirmed),
    }));
    expect(stages).toEqual(values.periods.flatMap((period: { period: string; byStage: object[] }) => period.byStage.map((stage) => ({ period: period.period, ...stage }))));
    expect(stages.length).toBeGreaterThan(0);

    // CSV: the periods as YYYY-MM, the By stage table by its name in the file.
    const csv = csvRows(await download(`/api/portfolio/values/export?${query}&format=csv`));
    expect(csv.rows.map((row) => [row.Period, centsOf(row.Planned), centsOf(row.Confirmed)])).toEqual(
      values.periods.map((period: { period: string; planned: number; confirmed: number }) => [period.period, period.planned, period.confirmed]),
    );
    const csvStages = csvRows(await download(`/api/portfolio/values/export?${query}&format=csv&table=by-stage`));
    expect(csvStages.rows.map((row) => [row.Period, Number(row.Stage), centsOf(row.Planned)])).toEqual(stages.map((stage) => [stage.period, stage.stage, stage.planned]));

    // Without by=stage, the split is not there, as in the JSON.
    const plain = await workbookOf(await download(`/api/portfolio/values/export?orgNodeId=${nodes.organization}&from=2026-12&to=2027-03`));
    expect(plain.worksheets.map((sheet) => sheet.name)).toEqual(['Values', 'Notes']);
  });

  it("exports the waterfall from the node's target through each stage to the gap, as GET /api/portfolio/waterfall walks it", async () => {
    const plan = await as(admin).put(`/api/org-nodes/${nodes.organization}/plan`, { currency: 'EUR', targets: [{ period: '2027-01', amount: 500_075 }, { period: '2027-02', amount: 250_000 }] });
    expect(plan.status).toBe(201);
    const query = `orgNodeId=${nodes.organization}&from=2027-01&to=2027-03`;
    const waterfall = (await as(viewer).get(`/api/portfolio/waterfall?${query}`)).body;
    expect(waterfall.targetPlanId).toBe(plan.body.id);

    const file = await download(`/api/portfolio/waterfall/export?${query}`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(XLSX_TYPE);
    expect(fileNameOf(file)).toBe('target-waterfall-<date>.xlsx');
    const steps = sheetRows(await workbookOf(file), 'Waterfall');
    expect(steps.map((row) => ({ amount: centsOf(row.Amount), cumulative: centsOf(row.Cumulative) }))).toEqual(
      waterfall.steps.map((step: { amount: number; cumulative: number }) => ({ amount: step.amount, cumulative: step.cumulative })),
    );
    expect(steps.map((row) => [row.Step, row.Stage])).toEqual([
      ['Target', null],
      ['Stage 5 Closed', 5],
      ['Stage 4 Implemented', 4],
      ['Stage 3 Decided', 3],
      ['Stage 2 Detailed', 2],
      ['Stage 1 Identified', 1],
      ['Stage 0 Defined', 0],
      ['Gap', null],
    ]);
    expect(centsOf(steps[0].Amount)).toBe(750_075);

    const csv = csvRows(await download(`/api/portfolio/waterfall/export?${query}&format=csv`));
    expect(csv.headers).toEqual(['Step', 'Stage', 'Amount', 'Cumulative', 'Currency']);
    expect(csv.rows.map((row) => centsOf(row.Amount))).toEqual(waterfall.steps.map((step: { amount: number }) => step.amount));
    expect(csv.rows[0]).toMatchObject({ Step: 'Target', Amount: '7500.75', Currency: 'EUR' });
  });

  it("answers the JSON routes' errors, and 400 for a format or table the export does not have", async () => {
    const routes = [`summary/export?orgNodeId=${nodes.organization}`, `values/export?orgNodeId=${nodes.organization}&from=2027-01&to=2027-02`, `waterfall/export?orgNodeId=${nodes.organization}&from=2027-01&to=2027-02`];
    for (const route of routes) {
      expect((await download(`/api/portfolio/${route}&format=pdf`)).status).toBe(400);
      expect((await download(`/api/portfolio/${route}&format=csv&table=forecast-accuracy`)).status).toBe(400);
      expect((await download(`/api/portfolio/${route}`, null)).status).toBe(401);
      expect((await download(`/api/portfolio/${route.replace(nodes.organization, randomUUID())}`)).status).toBe(404);
    }
    const refused = await download(`/api/portfolio/summary/export?orgNodeId=${nodes.organization}&format=pdf`);
    expect(refused.contentType).toContain('application/json');
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.parse((await download(`/api/portfolio/summary/export?orgNodeId=${nodes.organization}&format=csv&table=pivots`)).body.toString('utf8')).message).toBe(
      'table must be one of by-stage, total, notes',
    );
    expect((await download(`/api/portfolio/values/export?orgNodeId=${nodes.organization}&from=2027-03&to=2027-01`)).status).toBe(400);
  });

  it('documents the exports in OpenAPI as a workbook or a CSV file', async () => {
    const document = (await fetch(`${plans.baseUrl}/api/docs-json`).then((response) => response.json())) as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    for (const path of ['/api/portfolio/summary/export', '/api/portfolio/values/export', '/api/portfolio/waterfall/export']) {
      const { responses } = document.paths[path].get;
      expect(Object.keys(responses['200'].content ?? {})).toEqual([XLSX_TYPE, 'text/csv']);
      expect(Object.keys(responses['400'].content ?? {})).toEqual(['application/json']);
      expect(Object.keys(responses['404'].content ?? {})).toEqual(['application/json']);
    }
  });
});
