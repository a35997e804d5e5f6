import { sopCycleWorkflowId } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { centsOf, csvRows, downloadAs, fileNameOf, periodOf, sheetRows, workbookOf, XLSX_TYPE } from '../../../../test/support/spreadsheet-download';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const unique = () => randomUUID().slice(0, 8);
const admin: Person = { id: `admin-${unique()}`, roles: ['admin'] };
const planner: Person = { id: `dana-${unique()}`, roles: ['viewer'] };
const supplyLead: Person = { id: `sue-${unique()}`, roles: ['viewer'] };
const chair: Person = { id: `carl-${unique()}`, roles: ['sponsor'] };
const stranger: Person = { id: `vic-${unique()}`, roles: ['owner'] };
const owners = { data_gathering: planner.id, demand_review: planner.id, supply_review: supplyLead.id, pre_sop: planner.id, executive_sop: chair.id };

type AgendaException = {
  id: string;
  kind: string;
  subject: string;
  subjectName: string | null;
  period: string;
  reference: number;
  actual: number;
  deviation: number;
  ownerId: string;
  state: string;
  mitigation: { action: string; ownerId: string; dueDate: string; submittedBy: string; submittedAt: string } | null;
};
type Decision = { kind: string; subject: string | null; rationale: string; decidedBy: string; decidedAt: string; outcome: string[] };

const words = (code: string) => code.replace(/_/g, ' ');
const instantOf = (cell: unknown) => (cell instanceof Date ? cell.toISOString() : cell);
const dayOf = (cell: unknown) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);

// A cycle walked through the API to its executive S&OP, on the real stack (workflow, activities, projection); its agenda and decisions exported beside the JSON routes.
describe('S&OP cycle export', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  let cycleId: string;
  let nodeName: string;

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);
  const download = (path: string, person: Person | null = stranger) => downloadAs(plans.baseUrl, person, path);
  const cyclePath = () => `/api/sop-cycles/${encodeURIComponent(cycleId)}`;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'], worker: true }));
    const ok = (answer: { status: number; body: unknown }, what: string) => {
      if (answer.status >= 300) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer;
    };
    nodeName = `Acme ${unique()}`;
    const node = ok(await as(admin).post('/api/org-nodes', { name: nodeName, kind: 'organization' }), 'node').body as { id: string };
    ok(await as(admin).put(`/api/org-nodes/${node.id}/sop-cycle-setup`, { owners }), 'setup');
    ok(
      await as(admin).put(`/api/org-nodes/${node.id}/sop-policy`, { ownerId: planner.id, valueThreshold: { absolute: 10_000, percent: 0.05 }, volumeThreshold: { absolute: 100, percent: 0.05 } }),
      'policy',
    );
    // A target with cents, so that an export in cents or rounded to whole euros would show.
    ok(
      await as(admin).put(`/api/org-nodes/${node.id}/plan`, {
        currency: 'EUR',
        targets: [{ period: '2027-03', amount: 5_000_050 }],
        demand: [
          { family: 'widgets', period: '2027-03', volume: 12_000 },
          { family: 'gears', period: '2027-03', volume: 1_000 },
        ],
        capacity: [
          { family: 'widgets', period: '2027-03', volume: 10_000 },
          { family: 'gears', period: '2027-03', volume: 1_500 },
        ],
      }),
      'plan',
    );
    ok(await as(admin).post('/api/sop-cycles', { orgNodeId: node.id, period: '2027-03' }), 'start');
    cycleId = sopCycleWorkflowId(node.id, '2027-03');
    const complete = async (person: Person, step: string) => ok(await as(person).post(`${cyclePath()}/steps/${step}/completion`, {}), step);
    await complete(planner, 'data_gathering');
    await complete(planner, 'demand_review');
    await complete(supplyLead, 'supply_review');
    const agenda = ok(await as(stranger).get(`${cyclePath()}/agenda`), 'agenda').body as { exceptions: AgendaException[] };
    const gap = agenda.exceptions.find((exception) => exception.kind === 'demand_exceeds_capacity')!;
    ok(await as(planner).post(`${cyclePath()}/exceptions/${gap.id}/mitigation`, { action: 'a third shift from April, "if staffed"', ownerId: supplyLead.id, dueDate: '2027-04-01' }), 'mitigation');
    await complete(planner, 'pre_sop');
    ok(await as(chair).post(`${cyclePath()}/decisions`, { kind: 'accept_mitigation', subject: gap.id, rationale: 'the shift covers the gap' }), 'accept');
    ok(await as(chair).post(`${cyclePath()}/decisions`, { kind: 'resolution', rationale: 'revisit the target in April, with sales' }), 'resolution');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('exports the agenda and the decisions as a workbook with the figures, mitigations and decisions of the API', async () => {
    const agenda = (await as(stranger).get(`${cyclePath()}/agenda`)).body as { exceptions: AgendaException[]; escalations: unknown[]; pivots: unknown[] };
    const { decisions } = (await as(stranger).get(`${cyclePath()}/decisions`)).body as { decisions: Decision[] };
    const file = await download(`${cyclePath()}/export`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe(XLSX_TYPE);
    expect(fileNameOf(file)).toBe('sop-cycle-2027-03-<date>.xlsx');
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Value exceptions', 'Capacity exceptions', 'Escalated initiatives', 'Other exceptions', 'Actions', 'Escalations', 'Pivots', 'Decisions', 'Notes']);

    // Value exceptions: money in euros with the currency, back in cents they are the API's.
    const valueKinds = ['forecast_below_plan', 'forecast_above_plan', 'forecast_below_target'];
    const values = agenda.exceptions.filter((exception) => valueKinds.includes(exception.kind));
    expect(values.map((exception) => exception.kind)).toEqual(['forecast_below_target']);
    expect(
      sheetRows(workbook, 'Value exceptions').map((row) => ({
        kind: row.Exception,
        subjectName: row.Node,
        period: periodOf(row.Period),
        reference: centsOf(row['Plan or target']),
        actual: centsOf(row.Forecast),
        deviation: centsOf(row.Deviation),
        ownerId: row.Owner,
        state: row.State,
        currency: row.Currency,
      })),
    ).toEqual(values.map((exception) => ({ ...pick(exception), kind: words(exception.kind), state: words(exception.state), currency: 'EUR' })));
    expect(values[0]).toMatchObject({ subjectName: nodeName, reference: 5_000_050, deviation: -5_000_050 });

    // Capacity exceptions: volumes as they are, with the mitigation sent.
    const gaps = agenda.exceptions.filter((exception) => exception.kind === 'demand_exceeds_capacity');
    expect(
      sheetRows(workbook, 'Capacity exceptions').map((row) => ({
        family: row.Family,
        reference: row.Capacity,
        actual: row.Demand,
        deviation: row['Demand over capacity'],
        state: row.State,
        mitigation: { action: row.Mitigation, ownerId: row['Carried out by'], dueDate: dayOf(row.Due), submittedBy: row['Submitted by'], submittedAt: instantOf(row['Submitted at']) },
      })),
    ).toEqual(gaps.map((exception) => ({ family: 'widgets', reference: exception.reference, actual: exception.actual, deviation: exception.deviation, state: 'mitigated', mitigation: exception.mitigation })));
    expect(gaps[0]).toMatchObject({ reference: 10_000, actual: 12_000, deviation: 2_000, mitigation: { action: 'a third shift from April, "if staffed"', dueDate: '2027-04-01' } });

    expect(sheetRows(workbook, 'Escalated initiatives')).toHaveLength(agenda.exceptions.filter((exception) => exception.kind === 'initiative_escalated').length);
    expect(sheetRows(workbook, 'Escalations')).toHaveLength(agenda.escalations.length);
    expect(sheetRows(workbook, 'Pivots')).toHaveLength(agenda.pivots.length);

    // Decisions in the order recorded, each instant a date cell of the same moment.
    expect(
      sheetRows(workbook, 'Decisions').map((row) => ({ kind: row.Decision, subject: row.Subject, rationale: row.Rationale, decidedBy: row['Decided by'], decidedAt: instantOf(row['Decided at']), outcome: row.Outcome })),
    ).toEqual(decisions.map((decision) => ({ kind: words(decision.kind), subject: decision.subject, rationale: decision.rationale, decidedBy: decision.decidedBy, decidedAt: decision.decidedAt, outcome: decision.outcome.length ? decision.outcome.join('; ') : null })));
    expect(decisions.map((decision) => [decision.kind, decision.decidedBy])).toEqual([
      ['accept_mitigation', chair.id],
      ['resolution', chair.id],
    ]);
    expect(sheetRows(workbook, 'Notes')).toEqual(expect.arrayContaining([{ Topic: 'Cycle', Note: cycleId }, { Topic: 'Step', Note: 'executive sop' }, { Topic: 'Currency of value exceptions', Note: 'EUR' }]));
  });

  it('exports each table as CSV: money in major units, text with commas and quotes intact', async () => {
    const agenda = (await as(stranger).get(`${cyclePath()}/agenda`)).body as { exceptions: AgendaException[] };
    const target = agenda.exceptions.find((exception) => exception.kind === 'forecast_below_target')!;
    const first = await download(`${cyclePath()}/export?format=csv`);
    expect(first.contentType).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(first)).toBe('sop-cycle-2027-03-value-exceptions-<date>.csv');
    const [row] = csvRows(first).rows;
    expect(row).toMatchObject({ Exception: 'forecast below target', Period: '2027-03', 'Plan or target': '50000.50', Forecast: '0.00', Deviation: '-50000.50', Currency: 'EUR' });
    expect(centsOf(row['Plan or target'])).toBe(target.reference);

    const capacity = csvRows(await download(`${cyclePath()}/export?format=csv&table=capacity-exceptions`)).rows;
    expect(capacity).toEqual([expect.objectContaining({ Family: 'widgets', Capacity: '10000', Demand: '12000', 'Demand over capacity': '2000', Mitigation: 'a third shift from April, "if staffed"', Due: '2027-04-01' })]);
    const { decisions } = (await as(stranger).get(`${cyclePath()}/decisions`)).body as { decisions: Decision[] };
    const csvDecisions = csvRows(await download(`${cyclePath()}/export?format=csv&table=Decisions`)).rows;
    expect(csvDecisions.map((decision) => [decision['Decided at'], decision.Rationale])).toEqual(decisions.map((decision) => [decision.decidedAt, decision.rationale]));
  });

  it("answers the JSON routes' errors, and 400 for a format or table the export does not have", async () => {
    const unknown = encodeURIComponent(`sop-cycle-${randomUUID()}-2027-03`);
    expect((await as(stranger).get(`/api/sop-cycles/${unknown}/agenda`)).status).toBe(404);
    expect((await download(`/api/sop-cycles/${unknown}/export`)).status).toBe(404);
    expect((await download(`${cyclePath()}/export`, null)).status).toBe(401);
    expect((await download(`${cyclePath()}/export?format=pdf`)).status).toBe(400);
    expect(JSON.parse((await download(`${cyclePath()}/export?format=csv&table=steps`)).body.toString('utf8'))).toMatchObject({
      statusCode: 400,
      message: 'table must be one of value-exceptions, capacity-exceptions, escalated-initiatives, other-exceptions, actions, escalations, pivots, decisions, notes',
    });
  });
});

/** The fields of an exception the Value exceptions sheet shows. */
function pick(exception: AgendaException) {
  const { kind, subjectName, period, reference, actual, deviation, ownerId, state } = exception;
  return { kind, subjectName, period, reference, actual, deviation, ownerId, state };
}
