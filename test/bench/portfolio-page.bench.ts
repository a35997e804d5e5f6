import { chromium, type Browser } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { RunningService, startService } from '../support/running-service';
import { freePort } from '../support/service-process';
import { TEST_ENVIRONMENT } from '../support/test-environment';
import { report } from './bench-report';
import { LargePortfolio } from './large-portfolio';

const INITIATIVES = Number(process.env.BENCH_PORTFOLIO_INITIATIVES ?? 100_000);
const PERIODS = Number(process.env.BENCH_PORTFOLIO_PERIODS ?? 24);
const LOADS = Number(process.env.BENCH_PAGE_LOADS ?? 10);
const ASSETS = path.resolve(__dirname, '../../dist/services/cockpit/assets');

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

// The portfolio page of the top node of a large hierarchy (100 000
// initiatives × 24 periods, written straight into the plans tables), loaded
// in headless Chromium from a fresh browser context each time, timed from
// navigation until both charts have drawn their figures and the headline
// figures are shown. Beside it, the bare
// engine: the same six API calls the page makes, fetched at once from Node,
// in the same run, taking turns with the page loads. Goal: page p95 under 2 s
// on this machine, bundle under 500 kB gzip.
describe('benchmark: the portfolio page of a large hierarchy in Chromium', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let pg: Client;
  let browser: Browser;
  let portfolio: LargePortfolio;
  const year = new Date().toISOString().slice(0, 4);

  beforeAll(async () => {
    // The page's rail asks the initiatives service for the person's queue: it runs too, as on a real stack.
    const plansPort = await freePort();
    initiatives = await startService('initiatives', { TOLLGATE_LOG_LEVEL: 'error', TOLLGATE_CORS_ORIGINS: `http://127.0.0.1:${plansPort}` });
    plans = await startService('plans', { TOLLGATE_LOG_LEVEL: 'error', TOLLGATE_INITIATIVES_PUBLIC_URL: initiatives.baseUrl }, plansPort);
    await Promise.all([plans.ready(), initiatives.ready()]);
    pg = new Client({ connectionString: TEST_ENVIRONMENT.databaseUrl });
    await pg.connect();
    // The page shows January of this year and the 23 months after it: the periods fill that window.
    portfolio = new LargePortfolio(pg, INITIATIVES, PERIODS, `${year}-01`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (pg) {
      await portfolio.remove();
      await pg.end();
    }
    await Promise.all([plans?.close(), initiatives?.close()]);
  });

  it('prints the p50 and p95 of the page until its charts have drawn, beside the API calls alone, and the bundle size', async () => {
    const seedMs = await portfolio.seed();
    const session = (await (await fetch(`${plans.baseUrl}/api/development/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'vic' }) })).json()) as {
      token: string;
    };
    const query = `orgNodeId=${portfolio.organization}&currency=EUR`;
    const window = `from=${year}-01&to=${Number(year) + 1}-12`;
    const routes = [
      `/api/org-nodes/${portfolio.organization}`,
      `/api/portfolio/summary?${query}`,
      `/api/portfolio/realization?${query}`,
      `/api/portfolio/phantom-progress?${query}`,
      `/api/portfolio/values?${query}&${window}`,
      `/api/portfolio/waterfall?${query}&${window}`,
    ];
    const apiCalls = async () => {
      const started = performance.now();
      const answers = await Promise.all(routes.map((route) => fetch(`${plans.baseUrl}${route}`, { headers: { authorization: `Bearer ${session.token}` } })));
      for (const answer of answers) {
        if (!answer.ok) throw new Error(`${answer.url} answered ${answer.status}`);
        await answer.arrayBuffer();
      }
      return performance.now() - started;
    };
    const pageLoad = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((signedIn) => (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage.setItem('tollgate.session', signedIn), JSON.stringify({ ...session }));
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${plans.baseUrl}/nodes/${portfolio.organization}`);
      await page.locator('[data-chart="DoI waterfall from target to gap"][data-drawn="true"]').waitFor({ timeout: 60_000 });
      await page.locator('[data-chart="Planned, forecast and confirmed value per month"][data-drawn="true"]').waitFor({ timeout: 60_000 });
      // And the headline figures beside them: the page is read when both are there.
      await page.locator('[data-figure="Planned"]').filter({ hasNotText: '…' }).waitFor({ timeout: 60_000 });
      await page.locator('[data-figure="Benefit realization"]').filter({ hasNotText: '…' }).waitFor({ timeout: 60_000 });
      const elapsed = performance.now() - started;
      // Where the page's own time goes: when its script had arrived, and when it asked for the first figures.
      const timings = await page.evaluate(() => {
        const entries = (globalThis as unknown as { performance: { getEntriesByType(type: string): Array<{ name: string; startTime: number; responseEnd: number }> } }).performance.getEntriesByType('resource');
        const script = entries.find((entry) => entry.name.endsWith('.js'));
        const summary = entries.find((entry) => entry.name.includes('/api/portfolio/summary'));
        return { script: script?.responseEnd ?? NaN, figures: summary?.startTime ?? NaN };
      });
      scriptArrived.push(timings.script);
      figuresAsked.push(timings.figures);
      // The figures drawn are the hierarchy's, or the time means nothing.
      const planned = await page.locator('[data-figure="Planned"]').textContent();
      await context.close();
      if (!planned || planned === '…' || planned.endsWith('\u00a00')) throw new Error(`the page drew no planned figure (${planned})`);
      return elapsed;
    };

    const scriptArrived: number[] = [];
    const figuresAsked: number[] = [];
    await pageLoad();
    await apiCalls();
    // Each call on its own, one after another: where the time goes.
    const alone: [string, string][] = [];
    for (const route of routes) {
      const samples: number[] = [];
      for (let call = 0; call < 3; call += 1) {
        const started = performance.now();
        const answer = await fetch(`${plans.baseUrl}${route}`, { headers: { authorization: `Bearer ${session.token}` } });
        await answer.arrayBuffer();
        samples.push(performance.now() - started);
      }
      alone.push([`  ${route.split('?')[0].replace(portfolio.organization, ':id')} alone, p50 of 3 (ms)`, percentile(samples, 0.5).toFixed(0)]);
    }
    const pages: number[] = [];
    const apis: number[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      pages.push(await pageLoad());
      apis.push(await apiCalls());
    }
    const files = readdirSync(ASSETS);
    const gzipped = (extension: string) => files.filter((file) => file.endsWith(extension)).reduce((sum, file) => sum + gzipSync(readFileSync(path.join(ASSETS, file))).length, 0);
    const [js, css] = [gzipped('.js'), gzipped('.css')];
    report('Portfolio page of the top node in headless Chromium vs the API calls it makes', [
      ['hierarchy', portfolio.hierarchy],
      ['initiatives × periods', `${INITIATIVES} × ${PERIODS}`],
      ['seeded in (s)', (seedMs / 1000).toFixed(1)],
      [`page until both charts and the figures drew, p50 / p95 (ms, ${LOADS} loads), goal p95 < 2000`, `${percentile(pages, 0.5).toFixed(0)} / ${percentile(pages, 0.95).toFixed(0)}`],
      [`the six API calls alone, at once, p50 / p95 (ms)`, `${percentile(apis, 0.5).toFixed(0)} / ${percentile(apis, 0.95).toFixed(0)}`],
      ['  of which: script arrived / first figure asked, after navigation, p50 (ms)', `${percentile(scriptArrived.slice(1), 0.5).toFixed(0)} / ${percentile(figuresAsked.slice(1), 0.5).toFixed(0)}`],
      ...alone,
      ['ratio p50 (page ÷ API calls)', (percentile(pages, 0.5) / percentile(apis, 0.5)).toFixed(2)],
      ['bundle gzip: JS + CSS (kB), goal < 500', `${(js / 1024).toFixed(0)} + ${(css / 1024).toFixed(0)} = ${((js + css) / 1024).toFixed(0)}`],
    ]);
  });
});
