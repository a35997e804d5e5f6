import { sopCycleWorkflowId } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { downloadAs } from '../../../../test/support/spreadsheet-download';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { PortfolioConfirmation } from '../portfolio/portfolio-confirmation.entity';
import { PortfolioInitiative } from '../portfolio/portfolio-initiative.entity';
import { PortfolioMeasure } from '../portfolio/portfolio-measure.entity';
import { PortfolioPeriodValue } from '../portfolio/portfolio-period-value.entity';

const unique = () => randomUUID().slice(0, 8);
const admin: Person = { id: `admin-${unique()}`, roles: ['admin'] };
const pat: Person = { id: `pat-${unique()}`, roles: ['pmo'] };
const viewer: Person = { id: `vic-${unique()}`, roles: ['viewer'] };

// Value forecasts as each cycle's pre-S&OP found them, judged per owner against what finance confirmed, on the real stack.
describe('value forecasts by owner, program and unit', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;

  beforeAll(async () => {
    ({ plans } = stack = await startTestStack({ services: ['plans'], worker: true }));
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  it('records each open initiative’s forecast at pre-S&OP, and judges it one, three and six months ahead against confirmed value', async () => {
    const post = async (body: object) => (await as(admin).post('/api/org-nodes', body)).body.id as string;
    const organization = await post({ name: `Forecasting ${unique()}`, kind: 'organization' });
    const unit = await post({ name: 'Operations', kind: 'business_unit', parentId: organization });
    const program = await post({ name: `Network ${unique()}`, kind: 'program', parentId: unit });
    const otherProgram = await post({ name: `Warehousing ${unique()}`, kind: 'program', parentId: unit });
    const [olive, oscar] = [`olive-${unique()}`, `oscar-${unique()}`];
    // The portfolio read model as the initiatives and finance events leave it (written directly: this test is about what the cycle makes of it).
    const initiative = (id: string, ownerId: string, programId: string) => ({ initiativeId: id, programId, stage: 3, status: 'on_track', currency: 'EUR', planned: 0, forecast: 0, title: id, ownerId, sponsorId: 'sam', implementedAt: null, closedAt: null, escalation: null });
    const [first, second] = [`i-${unique()}`, `i-${unique()}`];
    await plans.dataSource.getRepository(PortfolioInitiative).insert([initiative(first, olive, program), initiative(second, oscar, otherProgram)]);
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    await plans.dataSource.getRepository(PortfolioPeriodValue).insert([
      ...months.map((period) => ({ initiativeId: first, period, planned: 100_000, forecast: 100_000 })),
      ...months.map((period) => ({ initiativeId: second, period, planned: 50_000, forecast: 50_000 })),
    ]);
    // The first's forecast comes from two measures, as the portfolio keeps them.
    const monthly = (amount: number) => months.map((period) => ({ period, amount }));
    await plans.dataSource.getRepository(PortfolioMeasure).insert([
      { initiativeId: first, measureId: 'm-overtime', name: 'Less overtime', forecastValues: monthly(60_000) },
      { initiativeId: first, measureId: 'm-scrap', name: 'Less scrap', forecastValues: monthly(40_000) },
    ]);
    const confirmed = (initiativeId: string, period: string, amount: number) => ({ confirmationId: `c-${unique()}`, initiativeId, amount, currency: 'EUR', period });
    await plans.dataSource.getRepository(PortfolioConfirmation).insert([
      confirmed(first, '2026-06', 80_000),
      confirmed(first, '2026-06', 20_000),
      confirmed(first, '2026-08', 50_000),
      confirmed(first, '2026-11', 100_000),
      confirmed(second, '2026-06', 75_000),
    ]);

    await as(admin).put(`/api/org-nodes/${organization}/sop-cycle-setup`, { owners: { data_gathering: pat.id, demand_review: pat.id, supply_review: pat.id, pre_sop: pat.id, executive_sop: pat.id } });
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: organization, period: '2026-05' })).status).toBe(201);
    const cycle = encodeURIComponent(sopCycleWorkflowId(organization, '2026-05'));
    for (const step of ['data_gathering', 'demand_review', 'supply_review']) expect((await as(pat).post(`/api/sop-cycles/${cycle}/steps/${step}/completion`, {})).status).toBe(200);

    // The live forecast moves on after the review: what is judged is what the review saw.
    await plans.dataSource.getRepository(PortfolioPeriodValue).update({ initiativeId: first }, { forecast: 999_999 });
    await plans.dataSource.getRepository(PortfolioMeasure).update({ initiativeId: first, measureId: 'm-scrap' }, { forecastValues: monthly(939_999) });

    const byOwner = await as(viewer).get(`/api/org-nodes/${organization}/value-forecast-accuracy`);
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toMatchObject({ by: 'owner', horizons: [1, 3, 6] });
    // Olive: 100k forecast for June (confirmed 100k), August (50k) and November (100k); Oscar: 50k for June (75k).
    expect(byOwner.body.rows).toEqual([
      { by: olive, name: null, horizon: 1, mape: 0, wmape: 0, bias: 0, periods: 1 },
      { by: olive, name: null, horizon: 3, mape: 1, wmape: 1, bias: 1, periods: 1 },
      { by: olive, name: null, horizon: 6, mape: 0, wmape: 0, bias: 0, periods: 1 },
      { by: oscar, name: null, horizon: 1, mape: 0.3333, wmape: 0.3333, bias: -0.3333, periods: 1 },
      // Nothing confirmed for August and November: judged, but no ratio can be taken of nothing.
      { by: oscar, name: null, horizon: 3, mape: null, wmape: null, bias: null, periods: 1 },
      { by: oscar, name: null, horizon: 6, mape: null, wmape: null, bias: null, periods: 1 },
    ]);
    const byProgram = await as(viewer).get(`/api/org-nodes/${organization}/value-forecast-accuracy?by=program`);
    const judged = (rows: { name: string; horizon: number; periods: number; wmape: number | null }[]) => rows.map((row) => [row.name.split(' ')[0], row.horizon, row.periods, row.wmape]);
    expect(judged(byProgram.body.rows)).toEqual([
      ['Network', 1, 1, 0],
      ['Network', 3, 1, 1],
      ['Network', 6, 1, 0],
      ['Warehousing', 1, 1, 0.3333],
      ['Warehousing', 3, 1, null],
      ['Warehousing', 6, 1, null],
    ]);
    // The unit judges both programs' forecasts together, added up per month: each horizon judges one month. One month ahead,
    // June: 150k forecast, 175k confirmed. Three ahead, August: 150k, 50k (100k ÷ 50k). Six ahead, November: 150k, 100k.
    const byUnit = await as(viewer).get(`/api/org-nodes/${organization}/value-forecast-accuracy?by=unit`);
    expect(byUnit.body.by).toBe('unit');
    expect(byUnit.body.rows.map((row: { by: string; name: string; horizon: number; periods: number; wmape: number | null; bias: number | null }) => [row.by, row.name, row.horizon, row.periods, row.wmape, row.bias])).toEqual([
      [unit, 'Operations', 1, 1, 0.1429, -0.1429],
      [unit, 'Operations', 3, 1, 2, 2],
      [unit, 'Operations', 6, 1, 0.5, 0.5],
    ]);
    // The same, as a file.
    const file = await downloadAs(plans.baseUrl, viewer, `/api/org-nodes/${organization}/value-forecast-accuracy/export?by=unit&format=csv`);
    expect({ status: file.status, type: file.contentType }).toEqual({ status: 200, type: 'text/csv; charset=utf-8' });
    const lines = file.body.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Business unit,Id,Months ahead,Months judged,MAPE,Weighted MAPE,Bias');
    expect(lines.slice(1)).toEqual([`Operations,${unit},1,1,0.1429,0.1429,-0.1429`, `Operations,${unit},3,1,2,2,2`, `Operations,${unit},6,1,0.5,0.5,0.5`]);
    // One initiative's page: the forecasts recorded for each month beside what was confirmed, and how good they proved.
    const own = await as(viewer).get(`/api/portfolio/initiatives/${first}/recorded-forecasts`);
    expect(own.status).toBe(200);
    expect(own.body.currency).toBe('EUR');
    expect(own.body.recorded.map((row: { period: string; forecast: number; confirmed: number }) => [row.period, row.forecast, row.confirmed])).toEqual([
      ['2026-05', 100_000, 0],
      ['2026-06', 100_000, 100_000],
      ['2026-07', 100_000, 0],
      ['2026-08', 100_000, 50_000],
      ['2026-09', 100_000, 0],
      ['2026-10', 100_000, 0],
      ['2026-11', 100_000, 100_000],
    ]);
    // Each month's forecast as the review recorded it, measure by measure: what the measures said then, not now.
    expect(own.body.recorded.find((row: { period: string }) => row.period === '2026-06').measures).toEqual([
      { measureId: 'm-overtime', name: 'Less overtime', forecast: 60_000 },
      { measureId: 'm-scrap', name: 'Less scrap', forecast: 40_000 },
    ]);
    expect(own.body.accuracy).toEqual([
      { horizon: 1, mape: 0, wmape: 0, bias: 0, periods: 1 },
      { horizon: 3, mape: 1, wmape: 1, bias: 1, periods: 1 },
      { horizon: 6, mape: 0, wmape: 0, bias: 0, periods: 1 },
    ]);
    expect((await as(viewer).get(`/api/portfolio/initiatives/nobody-${unique()}/recorded-forecasts`)).body).toMatchObject({ currency: null, recorded: [], accuracy: [] });
    expect((await as(viewer).get(`/api/org-nodes/${organization}/value-forecast-accuracy?by=sponsor`)).status).toBe(400);
    expect((await as(viewer).get(`/api/org-nodes/${randomUUID()}/value-forecast-accuracy`)).status).toBe(404);
    expect((await as(null).get(`/api/org-nodes/${organization}/value-forecast-accuracy`)).status).toBe(401);
  });
});
