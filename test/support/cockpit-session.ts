import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { apiAs, type Person } from './http-client';
import { initiativeAtStage4, initiativePeople } from './initiative-walk';
import { TestMailServer } from './mail-server';
import { RunningService, startService } from './running-service';
import { freePort } from './service-process';
import { RunningWorkflowWorker, startWorkflowWorker } from './workflow-worker';
import { TEST_ENVIRONMENT } from './test-environment';

export const COCKPIT_RESULTS = TEST_ENVIRONMENT.resultsDir;
export const cockpitAdmin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };

/** What a cockpit test file works with: the stack behind the page, a group of its own, and the browser. */
export interface CockpitSession {
  plans: RunningService;
  initiatives: RunningService;
  finance: RunningService;
  mail: TestMailServer;
  organizationId: string;
  organizationName: string;
  programId: string;
  /** A page of its own context, traced, kept for the failure's screenshot. */
  newPage(): Promise<Page>;
  /** A page at the group's node, signed in as one of the demo people. */
  signedInAs(name: string): Promise<Page>;
  /** Axe's serious and critical findings on the page as it stands. */
  seriousViolations(page: Page): Promise<string[]>;
  /** The text of one of a node's figures (Planned, Confirmed, …). */
  figure(page: Page, label: string): Promise<string>;
  /** A test whose failure saves, for each page it opened, a screenshot and a Playwright trace under the test results. */
  inBrowser(name: string, test: () => Promise<void>, timeout?: number): void;
}

/**
 * The cockpit page in Debian's Chromium, against the plans service that serves it and the real stack
 * behind it: called inside a describe, it starts the three services, the worker, a mail server and the
 * browser before the file's tests, and seeds a group (organization > Operations > Network footprint)
 * with one initiative at stage 4. Each file is a session of its own, so that the tier's two lanes can
 * share the page's journeys.
 */
export function cockpitSession(): CockpitSession {
  let browser: Browser;
  let worker: RunningWorkflowWorker;
  // Every page of the running test, so that a failure leaves a screenshot and a trace of each.
  let open: Array<{ page: Page; context: BrowserContext }> = [];

  const session = {
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.tracing.start({ screenshots: true, snapshots: true });
      const page = await context.newPage();
      open.push({ page, context });
      return page;
    },
    async signedInAs(name: string) {
      const page = await session.newPage();
      await page.goto(`${session.plans.baseUrl}/nodes/${session.organizationId}`);
      await page.getByRole('button', { name: `Sign in as ${name}` }).click();
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Cockpit Group' }).waitFor();
      return page;
    },
    async seriousViolations(page: Page) {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    },
    async figure(page: Page, label: string) {
      return (await page.locator(`[data-figure="${label}"]`).textContent()) ?? '';
    },
    inBrowser(name: string, test: () => Promise<void>, timeout?: number) {
      it(
        name,
        async () => {
          open = [];
          try {
            await test();
          } catch (error) {
            mkdirSync(COCKPIT_RESULTS, { recursive: true });
            const slug = name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
            for (const [index, { page, context }] of open.entries()) {
              await page.screenshot({ path: path.join(COCKPIT_RESULTS, `cockpit-failure-${slug}-${index}.png`), fullPage: true }).catch(() => undefined);
              await context.tracing.stop({ path: path.join(COCKPIT_RESULTS, `cockpit-failure-${slug}-${index}.zip`) }).catch(() => undefined);
            }
            throw error;
          } finally {
            await Promise.all(open.map(({ context }) => context.close().catch(() => undefined)));
          }
        },
        timeout,
      );
    },
  } as CockpitSession;

  beforeAll(async () => {
    if (!existsSync(path.resolve(__dirname, '../../dist/services/cockpit/index.html'))) throw new Error('the cockpit is not built: npx nx build cockpit');
    // The page comes from plans and calls the other two from that origin: they must allow it.
    const plansPort = await freePort();
    const cors = { TOLLGATE_CORS_ORIGINS: `http://127.0.0.1:${plansPort}` };
    [session.initiatives, session.finance] = await Promise.all([startService('initiatives', cors), startService('finance', cors)]);
    session.mail = await TestMailServer.start();
    session.plans = await startService(
      'plans',
      {
        TOLLGATE_INITIATIVES_PUBLIC_URL: session.initiatives.baseUrl,
        TOLLGATE_FINANCE_PUBLIC_URL: session.finance.baseUrl,
        TOLLGATE_SMTP_URL: session.mail.url,
        TOLLGATE_NOTIFICATION_POLL_MS: '200',
        TOLLGATE_COCKPIT_PUBLIC_URL: `http://127.0.0.1:${plansPort}`,
      },
      plansPort,
    );
    worker = await startWorkflowWorker();
    await Promise.all([session.plans.ready(), session.initiatives.ready(), session.finance.ready()]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

    const post = async (body: object) => (await apiAs(session.plans.baseUrl, cockpitAdmin).post('/api/org-nodes', body)).body.id as string;
    session.organizationName = `Cockpit Group ${randomUUID().slice(0, 6)}`;
    session.organizationId = await post({ name: session.organizationName, kind: 'organization' });
    const unit = await post({ name: 'Operations', kind: 'business_unit', parentId: session.organizationId });
    session.programId = await post({ name: 'Network footprint', kind: 'program', parentId: unit });
    await eventually(
      () => session.initiatives.dataSource.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [session.programId]),
      (rows: unknown[]) => rows.length === 1,
      { what: 'the initiatives service to learn the program' },
    );
    await initiativeAtStage4(session.initiatives.baseUrl, session.programId, initiativePeople(), { requestClosure: false, plannedAmount: 250_000_00 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await Promise.all([session.plans?.close(), session.initiatives?.close(), session.finance?.close()]);
    await session.mail?.stop();
  });

  return session;
}
