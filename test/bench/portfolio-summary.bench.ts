import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { apiAs, type Person } from '../support/http-client';
import { RunningService, startService } from '../support/running-service';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { report } from './bench-report';
import { LargePortfolio } from './large-portfolio';

const INITIATIVES = Number(process.env.BENCH_PORTFOLIO_INITIATIVES ?? 100_000);
const PERIODS = Number(process.env.BENCH_PORTFOLIO_PERIODS ?? 24);
const CALLS = Number(process.env.BENCH_PORTFOLIO_CALLS ?? 30);
const WARM_UP = 5;

const viewer: Person = { id: `bench-viewer-${randomUUID()}`, roles: ['viewer'] };

interface StageRow {
  stage: number;
  count: number;
  planned: number;
  forecast: number;
  confirmed: number;
}

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * Times two tasks call by call, taking turns (and turning the order round
 * each time), so that both meet the same load on a shared machine.
 */
async function interleaved(calls: number, first: () => Promise<unknown>, second: () => Promise<unknown>): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  for (let call = 0; call < calls; call += 1) {
    if (call % 2 === 0) {
      samples[0].push(await timed(first));
      samples[1].push(await timed(second));
    } else {
      samples[1].push(await timed(second));
      samples[0].push(await timed(first));
    }
  }
  return samples;
}

// GET /api/portfolio/summary at the top of a large hierarchy (1 organization,
// 10 business units, 100 programs; 100 000 initiatives with 24 periods each
// and confirmations for the implemented and closed ones, written straight
// into the plans tables) beside a hand-written SQL aggregate of the same
// figures over the same rows, run through pg in the same run. Goal: the
// summary's p50 within 1.5 × the hand SQL's. The two take turns call by
// call, so that other work on the machine weighs on both alike. The rows are
// removed afterwards.
describe('benchmark: portfolio summary against a hand-written aggregate', () => {
  let plans: RunningService;
  let pg: Client;
  let portfolio: LargePortfolio;

  beforeAll(async () => {
    plans = await startService('plans', { TOLLGATE_LOG_LEVEL: 'error' });
    await plans.ready();
    pg = new Client({ connectionString: TEST_ENVIRONMENT.databaseUrl });
    await pg.connect();
    portfolio = new LargePortfolio(pg, INITIATIVES, PERIODS);
  });

  afterAll(async () => {
    if (pg) {
      await portfolio.remove();
      await pg.end();
    }
    await plans?.close();
  });

  // The same figures, written by hand for this hierarchy: the programs are known, so no recursion, no service, no HTTP.
  const handSql = async (): Promise<StageRow[]> =>
    (
      await pg.query(
        `SELECT initiative.stage, COUNT(*)::int AS count, SUM(initiative.planned)::bigint AS planned, SUM(initiative.forecast)::bigint AS forecast,
                COALESCE(SUM(confirmed.amount), 0)::bigint AS confirmed
           FROM plans.portfolio_initiative initiative
           LEFT JOIN (SELECT initiative_id, SUM(amount) AS amount FROM plans.portfolio_confirmation WHERE currency = 'EUR' GROUP BY initiative_id) confirmed
             ON confirmed.initiative_id = initiative.initiative_id
          WHERE initiative.program_id = ANY($1) AND initiative.currency = 'EUR' AND initiative.status <> 'cancelled'
          GROUP BY initiative.stage
          ORDER BY initiative.stage`,
        [portfolio.programs],
      )
    ).rows.map((row) => ({ stage: row.stage, count: row.count, planned: Number(row.planned), forecast: Number(row.forecast), confirmed: Number(row.confirmed) }));

  it('prints the p50 and p95 of the summary and of the hand SQL, and their ratio', async () => {
    const seedMs = await portfolio.seed();
    const summary = () => apiAs(plans.baseUrl, viewer).get(`/api/portfolio/summary?orgNodeId=${portfolio.organization}`);

    const answer = await summary();
    expect(answer.status).toBe(200);
    const byHand = await handSql();
    // The same figures, or the comparison means nothing.
    expect(answer.body.byStage.filter((row: StageRow) => row.count > 0)).toEqual(byHand);

    await interleaved(WARM_UP, summary, handSql);
    const [api, sql] = await interleaved(CALLS, summary, handSql);
    const [apiP50, apiP95, sqlP50, sqlP95] = [percentile(api, 0.5), percentile(api, 0.95), percentile(sql, 0.5), percentile(sql, 0.95)];
    report('Portfolio summary at the organization vs a hand-written SQL aggregate', [
      ['hierarchy', portfolio.hierarchy],
      ['initiatives × periods', `${INITIATIVES} × ${PERIODS}`],
      ['seeded in (s)', (seedMs / 1000).toFixed(1)],
      [`GET /api/portfolio/summary p50 / p95 (ms, ${CALLS} calls)`, `${apiP50.toFixed(1)} / ${apiP95.toFixed(1)}`],
      [`hand SQL via pg p50 / p95 (ms, ${CALLS} calls)`, `${sqlP50.toFixed(1)} / ${sqlP95.toFixed(1)}`],
      ['ratio p50 (summary ÷ hand SQL), goal ≤ 1.5', (apiP50 / sqlP50).toFixed(2)],
      ['ratio p95 (summary ÷ hand SQL)', (apiP95 / sqlP95).toFixed(2)],
    ]);
  });
});
