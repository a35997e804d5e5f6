import { issueDevelopmentToken } from '@tollgate/auth';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { downloadAs, XLSX_TYPE } from '../../../../test/support/spreadsheet-download';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };

// Plans from spreadsheets: what the export writes imports again; a bad cell refuses the file whole; the same file twice changes nothing.
describe('importing a plan from a spreadsheet', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'] }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person) => apiAs(plans.baseUrl, person);
  const node = async () => {
    const organization = await as(admin).post('/api/org-nodes', { name: `Acme ${randomUUID().slice(0, 8)}`, kind: 'organization' });
    return (await as(admin).post('/api/org-nodes', { name: 'Operations', kind: 'business_unit', parentId: organization.body.id })).body.id as string;
  };
  async function upload(path: string, file: Buffer | string, type = XLSX_TYPE) {
    const response = await fetch(`${plans.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: admin.id, roles: admin.roles }, TEST_ENVIRONMENT.jwtSecret)}`, 'content-type': type },
      body: typeof file === 'string' ? file : new Uint8Array(file),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  }
  async function book(sheets: Record<string, unknown[][]>): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it("imports what a plan's export wrote into another node, the same figures; the same file again changes nothing", async () => {
    const source = await node();
    await as(admin).put(`/api/org-nodes/${source}/plan`, {
      targets: [{ period: '2027-01', amount: 1_000_050 }],
      demand: [{ family: 'e-bikes', period: '2027-01', volume: 110 }],
      capacity: [{ family: 'e-bikes', period: '2027-02', volume: 150 }],
    });
    const exported = await downloadAs(plans.baseUrl, admin, `/api/org-nodes/${source}/plan/export`);
    expect(exported.status).toBe(200);

    const target = await node();
    const imported = await upload(`/api/org-nodes/${target}/plan/import`, exported.body);
    expect(imported.status).toBe(201);
    expect(imported.body.imported).toMatchObject({ cells: 3, again: false });
    const shown = (await as(admin).get(`/api/org-nodes/${target}/plan`)).body;
    expect({ targets: shown.targets, demand: shown.demand, capacity: shown.capacity }).toEqual({
      targets: [{ period: '2027-01', amount: 1_000_050 }],
      demand: [{ family: 'e-bikes', period: '2027-01', volume: 110 }],
      capacity: [{ family: 'e-bikes', period: '2027-02', volume: 150 }],
    });

    // Edited since: the same file again keeps the edit.
    await as(admin).put(`/api/org-nodes/${target}/plan`, { demand: [{ family: 'e-bikes', period: '2027-01', volume: 90 }] });
    const again = await upload(`/api/org-nodes/${target}/plan/import`, exported.body);
    expect(again.status).toBe(200);
    expect(again.body.imported).toMatchObject({ cells: 3, again: true });
    expect((await as(admin).get(`/api/org-nodes/${target}/plan`)).body.demand).toEqual([{ family: 'e-bikes', period: '2027-01', volume: 90 }]);
  });

  it('answers every bad cell by sheet, row and column and changes nothing', async () => {
    const target = await node();
    const file = await book({
      Targets: [['Period', 'Target', 'Currency'], ['2027-13', 100, 'EUR'], ['2027-02', 12.345, 'EUR'], ['2027-03', 100, 'USD']],
      Demand: [['Family', 'Period', 'Demand'], ['', '2027-01', 5], ['e-bikes', '2027-01', -1], ['e-bikes', '2027-02', 2.5], ['e-bikes', '2027-03', 4], ['e-bikes', '2027-03', 5]],
      Capacity: [['Family', 'Period'], ['e-bikes', '2027-01']],
    });
    const refused = await upload(`/api/org-nodes/${target}/plan/import`, file);
    expect(refused.status).toBe(422);
    expect((refused.body.problems as { sheet: string; row: number; column: string }[]).map(({ sheet, row, column }) => `${sheet}!${row}:${column}`)).toEqual(
      expect.arrayContaining(['Targets!2:Period', 'Targets!3:Target', 'Targets!4:Currency', 'Demand!2:Family', 'Demand!3:Demand', 'Demand!4:Demand', 'Demand!6:Period', 'Capacity!1:Capacity']),
    );
    expect((await as(admin).get(`/api/org-nodes/${target}/plan`)).status).toBe(404);
  });

  it('refuses a file past a limit at once, naming the limit, and changes nothing', async () => {
    const target = await node();
    const wide = await upload(`/api/org-nodes/${target}/plan/import`, `${Array.from({ length: 101 }, (_, index) => `Column ${index}`).join(',')}\n`, 'text/csv');
    expect(wide).toEqual({ status: 413, body: { statusCode: 413, error: 'Payload Too Large', message: "the CSV's record 1 has more than 100 fields", limit: 'columns', problems: [] } });
    const long = await upload(`/api/org-nodes/${target}/plan/import`, `Line,Family,Period,Value\ndemand,${'e-bikes '.repeat(1000)},2027-01,5\n`, 'text/csv');
    expect(long).toMatchObject({ status: 422, body: { limit: 'cellCharacters', message: "the CSV's record 2, field 2 is longer than 2 000 characters (it begins 'e-bikes e-bikes e-bikes e-bikes e-bikes …')" } });
    expect(JSON.stringify(long.body).length).toBeLessThan(500);
    expect((await as(admin).get(`/api/org-nodes/${target}/plan`)).status).toBe(404);
  });

  it('imports a CSV into a scenario, and offers both templates', async () => {
    const target = await node();
    await as(admin).put(`/api/org-nodes/${target}/plan`, { targets: [{ period: '2027-01', amount: 500 }] });
    const scenario = (await as(admin).post(`/api/org-nodes/${target}/scenarios`, { name: 'Upside' })).body.id;
    const csv = 'Line,Family,Period,Value\r\ntarget,,2027-01,7.5\r\ndemand,"cargo, heavy",2027-01,12\r\n';
    const imported = await upload(`/api/scenarios/${scenario}/import`, csv, 'text/csv');
    expect(imported.status).toBe(201);
    const shown = (await as(admin).get(`/api/scenarios/${scenario}`)).body;
    expect(shown.targets).toEqual([{ period: '2027-01', amount: 750 }]);
    expect(shown.demand).toEqual([{ family: 'cargo, heavy', period: '2027-01', volume: 12 }]);
    expect((await as(admin).get(`/api/org-nodes/${target}/plan`)).body.targets).toEqual([{ period: '2027-01', amount: 500 }]);

    const xlsx = await downloadAs(plans.baseUrl, admin, '/api/plan-imports/template');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Targets', 'Demand', 'Capacity', 'Notes']);
    const template = await downloadAs(plans.baseUrl, admin, '/api/plan-imports/template?format=csv');
    expect(template.body.toString('utf8')).toBe('Line,Family,Period,Value\r\n');
  });
});
