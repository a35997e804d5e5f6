import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { centsOf, csvRows, downloadAs, fileNameOf, periodOf, sheetHeaders, sheetRows, workbookOf, XLSX_TYPE, type Download } from '../../../../test/support/spreadsheet-download';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };
const viewer: Person = { id: `viewer-${randomUUID()}`, roles: ['viewer'] };

type PlanAnswer = {
  id: string;
  currency: string;
  targets: { period: string; amount: number }[];
  demand: { family: string; period: string; volume: number }[];
  capacity: { family: string; period: string; volume: number }[];
};

// A plan of record and a scenario written through the API, exported beside GET /api/org-nodes/:id/plan and GET /api/scenarios/:id.
describe('plan exports', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'] }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);
  const download = (path: string, person: Person | null = viewer) => downloadAs(plans.baseUrl, person, path);

  async function businessUnit(): Promise<string> {
    const organization = await as(admin).post('/api/org-nodes', { name: `Acme ${randomUUID().slice(0, 8)}`, kind: 'organization' });
    const unit = await as(admin).post('/api/org-nodes', { name: 'Operations', kind: 'business_unit', parentId: organization.body.id });
    expect(unit.status).toBe(201);
    return unit.body.id;
  }

  const planCells = {
    currency: 'USD',
    targets: [
      { period: '2027-02', amount: 1_200_050 },
      { period: '2027-01', amount: 1_000_000 },
    ],
    demand: [
      { family: 'e-bikes', period: '2027-01', volume: 110 },
      { family: 'e-bikes', period: '2027-02', volume: 1_700 },
      { family: 'cargo bikes, "long tail"', period: '2027-01', volume: 40 },
    ],
    capacity: [{ family: 'e-bikes', period: '2027-01', volume: 150 }],
  };

  /** The cells of a workbook, in the API's shape: money back in cents, periods back as YYYY-MM. */
  async function cellsOfWorkbook(file: Download) {
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Targets', 'Demand', 'Capacity', 'Notes']);
    expect(sheetHeaders(workbook, 'Targets')).toEqual(['Period', 'Target', 'Currency']);
    expect(sheetHeaders(workbook, 'Demand')).toEqual(['Family', 'Period', 'Demand']);
    expect(sheetHeaders(workbook, 'Capacity')).toEqual(['Family', 'Period', 'Capacity']);
    const targets = sheetRows(workbook, 'Targets');
    return {
      currencies: [...new Set(targets.map((row) => row.Currency))],
      targets: targets.map((row) => ({ period: periodOf(row.Period), amount: centsOf(row.Target) })),
      demand: sheetRows(workbook, 'Demand').map((row) => ({ family: row.Family, period: periodOf(row.Period), volume: row.Demand })),
      capacity: sheetRows(workbook, 'Capacity').map((row) => ({ family: row.Family, period: periodOf(row.Period), volume: row.Capacity })),
      notes: sheetRows(workbook, 'Notes'),
    };
  }

  it("exports the node's plan of record with the cells of GET /api/org-nodes/:id/plan, targets in dollars", async () => {
    const node = await businessUnit();
    expect((await as(admin).put(`/api/org-nodes/${node}/plan`, planCells)).status).toBe(201);
    const plan = (await as(viewer).get<PlanAnswer>(`/api/org-nodes/${node}/plan`)).body;

    const file = await download(`/api/org-nodes/${node}/plan/export`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(XLSX_TYPE);
    expect(fileNameOf(file)).toBe('plan-of-record-<date>.xlsx');
    const cells = await cellsOfWorkbook(file);
    expect(cells.targets).toEqual(plan.targets);
    expect(cells.demand).toEqual(plan.demand);
    expect(cells.capacity).toEqual(plan.capacity);
    expect(cells.currencies).toEqual(['USD']);
    expect(cells.targets).toEqual([
      { period: '2027-01', amount: 1_000_000 },
      { period: '2027-02', amount: 1_200_050 },
    ]);
    expect(cells.notes).toEqual(expect.arrayContaining([{ Topic: 'Plan', Note: plan.id }, { Topic: 'Currency', Note: 'USD' }]));

    // CSV, a table at a time: the targets in major units, the volumes as they are, a family with a comma and quotes intact.
    const targets = await download(`/api/org-nodes/${node}/plan/export?format=csv`);
    expect(targets.contentType).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(targets)).toBe('plan-of-record-targets-<date>.csv');
    expect(csvRows(targets).rows).toEqual([
      { Period: '2027-01', Target: '10000.00', Currency: 'USD' },
      { Period: '2027-02', Target: '12000.50', Currency: 'USD' },
    ]);
    const demand = csvRows(await download(`/api/org-nodes/${node}/plan/export?format=csv&table=Demand`));
    expect(demand.rows.map((row) => ({ family: row.Family, period: row.Period, volume: Number(row.Demand) }))).toEqual(plan.demand);
    const capacity = csvRows(await download(`/api/org-nodes/${node}/plan/export?format=csv&table=capacity`));
    expect(capacity.rows.map((row) => ({ family: row.Family, period: row.Period, volume: Number(row.Capacity) }))).toEqual(plan.capacity);
  });

  it('exports a scenario with the cells of GET /api/scenarios/:id, its own changes included', async () => {
    const node = await businessUnit();
    await as(admin).put(`/api/org-nodes/${node}/plan`, planCells);
    const scenario = await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Second shift' });
    expect(scenario.status).toBe(201);
    const changed = await as(admin).put(`/api/scenarios/${scenario.body.id}`, { capacity: [{ family: 'e-bikes', period: '2027-02', volume: 1_800 }], targets: [{ period: '2027-03', amount: 999 }] });
    expect(changed.status).toBe(200);
    const shown = (await as(viewer).get<PlanAnswer>(`/api/scenarios/${scenario.body.id}`)).body;

    const file = await download(`/api/scenarios/${scenario.body.id}/export`);
    expect(file.status).toBe(200);
    expect(fileNameOf(file)).toBe('scenario-second-shift-<date>.xlsx');
    const cells = await cellsOfWorkbook(file);
    expect(cells.targets).toEqual(shown.targets);
    expect(cells.demand).toEqual(shown.demand);
    expect(cells.capacity).toEqual(shown.capacity);
    expect(cells.capacity).toContainEqual({ family: 'e-bikes', period: '2027-02', volume: 1_800 });
    expect(cells.targets).toContainEqual({ period: '2027-03', amount: 999 });
    expect(cells.notes).toEqual(expect.arrayContaining([{ Topic: 'Export', Note: 'Plan: scenario' }, { Topic: 'Name', Note: 'Second shift' }]));

    const csv = await download(`/api/scenarios/${scenario.body.id}/export?format=csv&table=targets`);
    expect(csvRows(csv).rows.map((row) => ({ period: row.Period, amount: centsOf(row.Target) }))).toEqual(shown.targets);
    expect(csvRows(csv).rows.at(-1)).toEqual({ Period: '2027-03', Target: '9.99', Currency: 'USD' });
  });

  it("answers the JSON routes' errors, and 400 for a format or table the export does not have", async () => {
    const node = await businessUnit();
    // A node without a plan of record: 404, as GET /plan answers.
    expect((await as(viewer).get(`/api/org-nodes/${node}/plan`)).status).toBe(404);
    expect((await download(`/api/org-nodes/${node}/plan/export`)).status).toBe(404);
    expect((await download(`/api/org-nodes/${randomUUID()}/plan/export`)).status).toBe(404);
    expect((await download(`/api/scenarios/${randomUUID()}/export`)).status).toBe(404);
    await as(admin).put(`/api/org-nodes/${node}/plan`, planCells);
    const refused = await download(`/api/org-nodes/${node}/plan/export?format=pdf`);
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/json');
    expect(JSON.parse((await download(`/api/org-nodes/${node}/plan/export?format=csv&table=forecast`)).body.toString('utf8'))).toMatchObject({
      statusCode: 400,
      message: 'table must be one of targets, demand, capacity, notes',
    });
    expect((await download(`/api/org-nodes/${node}/plan/export?sheet=targets`)).status).toBe(400);
    expect((await download(`/api/org-nodes/${node}/plan/export`, null)).status).toBe(401);
  });
});
