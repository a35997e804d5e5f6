import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { TestMailServer } from '../support/mail-server';
import { RunningService, startService } from '../support/running-service';
import { freePort } from '../support/service-process';
import { RunningWorkflowWorker, startWorkflowWorker } from '../support/workflow-worker';
import { TEST_ENVIRONMENT } from '../support/test-environment';

const RESULTS = TEST_ENVIRONMENT.resultsDir;
const admin: Person = { id: `admin-${randomUUID()}`, roles: ['admin'] };

// The cockpit page in Debian's Chromium, against the plans service that
// serves it and the real stack behind it, as a person uses it: sign in,
// browse to a node, read its figures, see them change while others work.
describe('the cockpit page', () => {
  let plans: RunningService;
  let initiatives: RunningService;
  let finance: RunningService;
  let worker: RunningWorkflowWorker;
  let browser: Browser;
  let mail: TestMailServer;
  let organizationId: string;
  let organizationName: string;
  let programId: string;

  beforeAll(async () => {
    if (!existsSync(path.resolve(__dirname, '../../dist/services/cockpit/index.html'))) throw new Error('the cockpit is not built: npx nx build cockpit');
    // The page comes from plans and calls the other two from that origin: they must allow it.
    const plansPort = await freePort();
    const cors = { TOLLGATE_CORS_ORIGINS: `http://127.0.0.1:${plansPort}` };
    [initiatives, finance] = await Promise.all([startService('initiatives', cors), startService('finance', cors)]);
    mail = await TestMailServer.start();
    plans = await startService(
      'plans',
      { TOLLGATE_INITIATIVES_PUBLIC_URL: initiatives.baseUrl, TOLLGATE_FINANCE_PUBLIC_URL: finance.baseUrl, TOLLGATE_SMTP_URL: mail.url, TOLLGATE_NOTIFICATION_POLL_MS: '200', TOLLGATE_COCKPIT_PUBLIC_URL: `http://127.0.0.1:${plansPort}` },
      plansPort,
    );
    worker = await startWorkflowWorker();
    await Promise.all([plans.ready(), initiatives.ready(), finance.ready()]);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });

    const post = async (body: object) => (await apiAs(plans.baseUrl, admin).post('/api/org-nodes', body)).body.id as string;
    organizationName = `Cockpit Group ${randomUUID().slice(0, 6)}`;
    organizationId = await post({ name: organizationName, kind: 'organization' });
    const unit = await post({ name: 'Operations', kind: 'business_unit', parentId: organizationId });
    programId = await post({ name: 'Network footprint', kind: 'program', parentId: unit });
    await eventually(
      () => initiatives.dataSource.query(`SELECT 1 FROM initiatives.known_org_node WHERE node_id = $1`, [programId]),
      (rows: unknown[]) => rows.length === 1,
      { what: 'the initiatives service to learn the program' },
    );
    await initiativeAtStage4(initiatives.baseUrl, programId, initiativePeople(), { requestClosure: false, plannedAmount: 250_000_00 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await Promise.all([plans?.close(), initiatives?.close(), finance?.close()]);
    await mail?.stop();
  });

  // Every page of the running test, so that a failure leaves a screenshot and a trace of each.
  let open: Array<{ page: Page; context: BrowserContext }> = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.tracing.start({ screenshots: true, snapshots: true });
    const page = await context.newPage();
    open.push({ page, context });
    return page;
  }

  /** A test whose failure saves, for each page it opened, a screenshot and a Playwright trace under the test results. */
  function inBrowser(name: string, test: () => Promise<void>, timeout?: number) {
    it(name, async () => {
      open = [];
      try {
        await test();
      } catch (error) {
        mkdirSync(RESULTS, { recursive: true });
        const slug = name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60);
        for (const [index, { page, context }] of open.entries()) {
          await page.screenshot({ path: path.join(RESULTS, `cockpit-failure-${slug}-${index}.png`), fullPage: true }).catch(() => undefined);
          await context.tracing.stop({ path: path.join(RESULTS, `cockpit-failure-${slug}-${index}.zip`) }).catch(() => undefined);
        }
        throw error;
      } finally {
        await Promise.all(open.map(({ context }) => context.close().catch(() => undefined)));
      }
    }, timeout);
  }

  async function signedInAs(name: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${plans.baseUrl}/nodes/${organizationId}`);
    await page.getByRole('button', { name: `Sign in as ${name}` }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Cockpit Group' }).waitFor();
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  }

  async function figure(page: Page, label: string): Promise<string> {
    return (await page.locator(`[data-figure="${label}"]`).textContent()) ?? '';
  }

  inBrowser('signs a person in as each of the demo people and roles, with the page accessible', async () => {
    const page = await newPage();
    await page.goto(`${plans.baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in as one of the demo people' }).waitFor();
    for (const name of ['Olivia Owner', 'Sam Sponsor', 'Cleo Controller', 'Pat PMO', 'Lena Leader', 'Ada Admin', 'Vic Viewer']) {
      expect(await page.getByRole('button', { name: `Sign in as ${name}` }).count()).toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
    // Each of them in turn: signed in, named with their roles at the top, and signed out again.
    const people = [
      ['Olivia Owner', 'owner'],
      ['Sam Sponsor', 'sponsor'],
      ['Cleo Controller', 'controller'],
      ['Pat PMO', 'pmo'],
      ['Lena Leader', 'sponsor'],
      ['Ada Admin', 'admin'],
      ['Vic Viewer', 'viewer'],
    ];
    for (const [name, role] of people) {
      await page.getByRole('button', { name: `Sign in as ${name}` }).click();
      const banner = page.getByRole('banner');
      await banner.getByText(name).waitFor();
      expect(await banner.getByText(role, { exact: true }).count()).toBe(1);
      await banner.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in as one of the demo people' }).waitFor();
    }
    await page.close();
  });

  inBrowser("shows a node's figures with confirmed value apart from plan, and follows changes without a reload", async () => {
    const page = await signedInAs('Pat PMO');
    await page.locator('[data-chart="DoI waterfall from target to gap"] canvas').waitFor();
    await page.locator('[data-chart="Planned, forecast and confirmed value per month"] canvas').waitFor();
    await eventually(() => figure(page, 'Planned'), (text) => text === 'EUR\u00a0250k', { what: 'the planned figure of the walked initiative' });
    expect(await figure(page, 'Confirmed')).toBe('EUR\u00a00');
    await page.getByRole('cell', { name: 'DoI 4 Implemented', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'cockpit-node.png'), fullPage: true });

    // Someone else defines another initiative: the page shows it within seconds, with no reload.
    await initiativeAtStage4(initiatives.baseUrl, programId, initiativePeople(), { requestClosure: false, plannedAmount: 150_000_00 });
    await eventually(() => figure(page, 'Planned'), (text) => text === 'EUR\u00a0400k', { what: 'the planned figure to follow the new initiative', timeoutMs: 30_000 });
    await page.close();
  });

  inBrowser('finds a node by name from the rail and opens it', async () => {
    const page = await signedInAs('Vic Viewer');
    await page.getByLabel('Find a node').fill('Network foot');
    // The test database keeps earlier runs' groups, each with a program of that name: this run's is the one under its group.
    await page.getByRole('link', { name: new RegExp(`Network footprint.*${organizationName}`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Network footprint' }).waitFor();
    expect(page.url()).toContain(`/nodes/${programId}`);
    await page.close();
  });

  inBrowser("walks an initiative's gates through its page: the owner requests, the sponsor decides, refusals show their criteria, and what a person may not do is not offered", async () => {
    const olivia: Person = { id: 'olivia', roles: ['owner'] };
    // No one-time costs: the gate to stage 2 will say so.
    const created = await apiAs(initiatives.baseUrl, olivia).post('/api/initiatives', {
      title: `Cross-dock in Milan ${randomUUID().slice(0, 6)}`,
      programId,
      ownerId: 'olivia',
      sponsorId: 'sam',
      controllerId: 'cleo',
      category: 'cost',
      measures: [{ name: 'Freight', category: 'opex', plannedValues: [{ period: '2027-03', amount: 90_000_00 }] }],
      milestones: [{ title: 'Dock open', dueDate: '2099-06-30' }],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const owner = await signedInAs('Olivia Owner');
    await owner.goto(`${plans.baseUrl}/initiatives/${id}`);
    await owner.getByRole('textbox', { name: 'Evidence' }).fill('Sponsor and controller named; savings measured on freight');
    await owner.getByRole('button', { name: 'Request gate' }).click();
    await owner.getByRole('cell', { name: 'pending' }).waitFor();
    expect(await owner.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The sponsor finds it in the queue of the rail, then on the request's own page.
    const sponsor = await signedInAs('Sam Sponsor');
    await sponsor.getByRole('link', { name: /My work.*1 gate awaits your key/ }).click();
    await sponsor.getByRole('heading', { name: 'Gate requests awaiting your key' }).waitFor();
    await sponsor.getByRole('link', { name: /Cross-dock in Milan/ }).click();
    await sponsor.getByText('Gate to Identified awaits your key').waitFor();
    await sponsor.getByRole('button', { name: 'Approve' }).click();
    await sponsor.getByText('DoI 1 Identified · confirmed by finance', { exact: false }).waitFor();

    // The owner's page follows by itself, and the next gate's unmet criterion shows where she acted.
    await owner.getByRole('button', { name: 'Request gate' }).waitFor();
    await owner.getByRole('textbox', { name: 'Evidence' }).fill('Business case attached');
    await owner.getByRole('button', { name: 'Request gate' }).click();
    await owner.getByRole('alert').filter({ hasText: 'Not yet: criteria unmet' }).waitFor();
    expect(await owner.getByRole('alert').textContent()).toContain('the business case must state its one-time costs');

    // The sponsor puts it on hold with a reason: the owner's page stops offering the gate until it is resumed.
    await sponsor.getByRole('textbox', { name: 'Reason to put on hold' }).fill('Budget frozen until the Q2 review');
    await sponsor.getByRole('button', { name: 'Put on hold' }).click();
    await sponsor.getByRole('textbox', { name: 'Reason to resume' }).waitFor();
    await owner.getByRole('button', { name: 'Request gate' }).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await owner.getByText('on hold', { exact: true }).count()).toBe(1);
    await sponsor.getByRole('textbox', { name: 'Reason to resume' }).fill('Budget released');
    await sponsor.getByRole('button', { name: 'Resume' }).click();
    await owner.getByRole('button', { name: 'Request gate' }).waitFor({ timeout: 15_000 });

    const viewer = await signedInAs('Vic Viewer');
    await viewer.goto(`${plans.baseUrl}/initiatives/${id}`);
    await viewer.getByText('Nothing awaits you on this initiative.').waitFor();
    expect(await seriousViolations(viewer)).toEqual([]);
    await viewer.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await viewer.screenshot({ path: path.join(RESULTS, 'cockpit-initiative.png'), fullPage: true });
    // Forced through the API with the page's own token, the server still refuses.
    const forced = await viewer.evaluate(async ({ url, initiativeId }) => {
      // Runs in the page, where the cockpit keeps the sign-in.
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const session = JSON.parse(storage.getItem('tollgate.session') ?? '{}') as { token: string };
      const answer = await fetch(`${url}/api/initiatives/${initiativeId}/gate-requests`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ targetStage: 2, evidence: { text: 'forced', links: [] } }),
      });
      return answer.status;
    }, { url: initiatives.baseUrl, initiativeId: id });
    expect(forced).toBe(403);
    await Promise.all([owner.close(), sponsor.close(), viewer.close()]);
  });

  inBrowser('runs an S&OP review from its exceptions to a mitigation, decisions and publishing, offering decisions to the chair alone', async () => {
    const period = new Date().toISOString().slice(0, 7);
    const pat: Person = { id: 'pat', roles: ['pmo'] };
    const plansApi = apiAs(plans.baseUrl, admin);
    // Chilled demand beyond capacity this month: the pre-S&OP must raise it.
    expect(
      (
        await plansApi.put(`/api/org-nodes/${organizationId}/plan`, {
          currency: 'EUR',
          demand: [{ family: 'Chilled', period, volume: 15_000 }],
          capacity: [{ family: 'Chilled', period, volume: 12_000 }],
        })
      ).status,
    ).toBeLessThan(300);
    expect((await plansApi.put(`/api/org-nodes/${organizationId}/sop-policy`, { ownerId: 'pat', valueThreshold: { absolute: 1_000_000_00, percent: 0.5 }, volumeThreshold: { absolute: 100, percent: 0.05 } })).status).toBeLessThan(300);
    expect(
      (await plansApi.put(`/api/org-nodes/${organizationId}/sop-cycle-setup`, { owners: { data_gathering: 'pat', demand_review: 'pat', supply_review: 'pat', pre_sop: 'pat', executive_sop: 'lena' }, schedule: null })).status,
    ).toBeLessThan(300);
    // Pat starts this month's cycle in the room and walks its steps; closing the pre-S&OP raises the exception,
    // flagged until Pat sends its mitigation.
    const office = await signedInAs('Pat PMO');
    await office.getByRole('link', { name: 'S&OP review' }).click();
    await office.getByRole('button', { name: /^Start the .* cycle$/ }).click();
    for (const step of ['Data gathering', 'Demand review', 'Supply review', 'Pre-S&OP']) {
      await office.getByRole('row', { name: new RegExp(`${step}.*now`) }).waitFor();
      await office.getByRole('button', { name: `Complete ${step}` }).click();
    }
    const cycles = await apiAs(plans.baseUrl, pat).get(`/api/sop-cycles?orgNodeId=${organizationId}`);
    const cycle = { body: cycles.body.cycles.find((candidate: { period: string }) => candidate.period === period) as { id: string } };
    expect(cycle.body).toBeDefined();
    const gap = office.locator('[data-exception="demand_exceeds_capacity"]');
    await gap.getByText('Demand beyond capacity').waitFor();
    await gap.getByText('mitigation missing').waitFor();
    expect(await gap.textContent()).toContain('Chilled at Cockpit Group');
    expect(await gap.textContent()).toContain('Deviation: 3,000');
    await gap.getByRole('textbox', { name: 'Mitigation: the action' }).fill('Open a third shift on the Chilled line');
    await gap.getByRole('textbox', { name: 'By when' }).fill('2099-01-31');
    await gap.getByRole('button', { name: 'Send the mitigation' }).click();
    await gap.getByText(/Mitigation: Open a third shift on the Chilled line — pat/).waitFor();

    // A sponsor who does not chair sees the agenda, is offered no decision, and is refused one forced through the API.
    const sponsor = await signedInAs('Sam Sponsor');
    await sponsor.goto(`${plans.baseUrl}/nodes/${organizationId}/sop`);
    await sponsor.locator('[data-exception="demand_exceeds_capacity"]').getByText('mitigated').waitFor();
    expect(await sponsor.getByRole('button', { name: /Accept the mitigation|Record the resolution|Publish the cycle/ }).count()).toBe(0);
    const forced = await sponsor.evaluate(async ({ url, cycleId }) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const session = JSON.parse(storage.getItem('tollgate.session') ?? '{}') as { token: string };
      const answer = await fetch(`${url}/api/sop-cycles/${encodeURIComponent(cycleId)}/decisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'resolution', rationale: 'forced' }),
      });
      return answer.status;
    }, { url: plans.baseUrl, cycleId: cycle.body.id as string });
    expect(forced).toBe(403);

    // The chair accepts the mitigation, records a resolution and publishes.
    const chair = await signedInAs('Lena Leader');
    await chair.goto(`${plans.baseUrl}/nodes/${organizationId}/sop`);
    const exception = chair.locator('[data-exception="demand_exceeds_capacity"]');
    await exception.getByRole('textbox', { name: 'Why the mitigation is enough' }).fill('The third shift covers the gap by January');
    await exception.getByRole('button', { name: 'Accept the mitigation' }).click();
    await exception.getByText('mitigation accepted').waitFor();
    await chair.getByRole('textbox', { name: 'What the review resolved, and why' }).fill('Chilled capacity is reviewed again next month');
    await chair.getByRole('button', { name: 'Record the resolution' }).click();
    const decisions = chair.getByRole('table', { name: 'Decisions of the cycle' });
    await decisions.getByRole('row', { name: /Resolution.*Chilled capacity is reviewed again next month.*lena/ }).waitFor();
    expect(await decisions.getByRole('row', { name: /Mitigation accepted.*The third shift covers the gap by January.*lena/ }).count()).toBe(1);
    expect(await seriousViolations(chair)).toEqual([]);
    // From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
    await chair.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await chair.screenshot({ path: path.join(RESULTS, 'cockpit-sop-review.png'), fullPage: true });
    await chair.getByRole('button', { name: 'Publish the cycle' }).click();
    await chair.getByText(/^Published /).waitFor();
    expect(await chair.getByRole('button', { name: /Accept the mitigation|Record the resolution|Publish the cycle/ }).count()).toBe(0);

    // Pat's room follows without a reload.
    await office.getByText(/^Published /).waitFor({ timeout: 15_000 });
    await Promise.all([office.close(), sponsor.close(), chair.close()]);
  }, 120_000);

  inBrowser('follows the review after the meeting: the chair works through matters arising, an owner closes an action with evidence', async () => {
    const period = new Date().toISOString().slice(0, 7);
    const [year, month] = period.split('-').map(Number);
    const lastMonth = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const pat = apiAs(plans.baseUrl, { id: 'pat', roles: ['pmo'] });
    const lena = apiAs(plans.baseUrl, { id: 'lena', roles: ['sponsor'] });
    expect(
      (await apiAs(plans.baseUrl, admin).put(`/api/org-nodes/${organizationId}/sop-cycle-setup`, { owners: { data_gathering: 'pat', demand_review: 'pat', supply_review: 'pat', pre_sop: 'pat', executive_sop: 'lena' }, schedule: null })).status,
    ).toBeLessThan(300);
    // Last month's review, through the API: two resolutions, each asking Olivia for an action; one of them already late.
    const last = (await pat.post('/api/sop-cycles', { orgNodeId: organizationId, period: lastMonth })).body as { id: string };
    const lastPath = `/api/sop-cycles/${encodeURIComponent(last.id)}`;
    for (const step of ['data_gathering', 'demand_review', 'supply_review', 'pre_sop']) expect((await pat.post(`${lastPath}/steps/${step}/completion`, {})).status).toBe(200);
    const resolve = async (title: string, dueDate: string) =>
      (
        await lena.post(`${lastPath}/decisions`, {
          kind: 'resolution',
          rationale: `${title}: agreed at the review`,
          action: { title, ownerId: 'olivia', dueDate, expectedEffect: 'Chilled within capacity', doneWhen: 'the signed rota' },
        })
      ).body.actions[0].actionId as string;
    const late = await resolve('Overtime on the Chilled line', day(-3));
    const open = await resolve('Hire the third shift', day(20));
    // And she expected Chilled capacity of 15,000 from this month, checked yesterday.
    const expects = { figure: 'family_capacity', family: 'Chilled', from: period, atLeast: 15_000, by: day(-1) };
    expect((await lena.post(`${lastPath}/decisions`, { kind: 'resolution', rationale: 'a third shift lifts Chilled', expects })).status).toBe(201);
    expect((await lena.post(`${lastPath}/steps/executive_sop/completion`, {})).status).toBe(200);
    expect((await pat.post('/api/sop-cycles', { orgNodeId: organizationId, period })).status).toBeLessThan(300);
    await eventually(() => pat.get(`/api/sop-actions/${late}`), (answer) => answer.body?.escalatedTo === 'lena', { what: 'the late action to reach the chair' });
    await eventually(() => pat.get(`/api/sop-decisions?orgNodeId=${organizationId}&outcome=missed`), (answer) => answer.body?.total >= 1, { what: 'the decision to be checked' });

    // This month's room opens with them: the late one flagged as escalated to the chair, who drops it with a reason.
    const chair = await signedInAs('Lena Leader');
    await chair.goto(`${plans.baseUrl}/nodes/${organizationId}/sop`);
    const matters = chair.getByRole('region', { name: 'Matters arising' });
    await matters.getByText('2 actions still open from earlier cycles, 1 overdue').waitFor();
    const lateCard = matters.locator('[aria-label="Action: Overtime on the Chilled line"]');
    await lateCard.getByText('overdue: escalated to lena').waitFor();
    // The decision that expected more Chilled capacity: checked on its day, and missed.
    await matters.getByText(/expected Chilled capacity at least 15,000 from .*: missed: .* against 15,000/).waitFor();
    // The chair does not close an owner's action; she may drop it.
    expect(await lateCard.getByRole('button', { name: /Mark done/ }).count()).toBe(0);
    expect(await seriousViolations(chair)).toEqual([]);
    await chair.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await chair.screenshot({ path: path.join(RESULTS, 'cockpit-matters-arising.png'), fullPage: true });
    await lateCard.getByRole('button', { name: 'Drop…' }).click();
    await lateCard.getByRole('textbox', { name: 'Why drop it' }).fill('The third shift replaces the overtime');
    await lateCard.getByRole('button', { name: 'Drop the action' }).click();
    await matters.getByText('1 action still open from earlier cycles').waitFor();

    // Olivia finds the other in My work and closes it with its evidence.
    const owner = await signedInAs('Olivia Owner');
    await owner.goto(`${plans.baseUrl}/work`);
    const card = owner.locator('[aria-label="Action: Hire the third shift"]');
    await card.getByText('Done when: the signed rota').waitFor();
    expect(await card.getByRole('button', { name: /Drop/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Mark done…' }).click();
    await card.getByRole('textbox', { name: 'Evidence that it is done' }).fill('Three operators hired; the rota is signed');
    await card.getByRole('textbox', { name: 'Link to the evidence (optional)' }).fill('https://intranet.example/rota');
    await owner.screenshot({ path: path.join(RESULTS, 'cockpit-my-actions.png'), fullPage: true });
    await card.getByRole('button', { name: 'Mark done' }).click();
    await owner.getByText('No S&OP decision waits on an action of yours.').waitFor();
    expect((await pat.get(`/api/sop-actions/${open}`)).body).toMatchObject({ status: 'done', done: { by: 'olivia', evidence: { text: 'Three operators hired; the rota is signed', links: ['https://intranet.example/rota'] } } });

    // The chair's room: nothing left open, and last month's decisions say what became of each action.
    await chair.reload();
    await matters.getByText('Every action of earlier cycles is done or dropped.').waitFor();
    await matters.getByText(/Hire the third shift: done/).waitFor();
    await matters.getByText(/Overtime on the Chilled line: dropped/).waitFor();

    // The decision log across cycles: the missed decision, and the share of checked decisions that met theirs.
    await chair.getByRole('link', { name: 'Decision log' }).click();
    const log = chair.getByRole('table', { name: 'Decision log' });
    await log.getByRole('row', { name: /a third shift lifts Chilled.*missed: .* against 15,000/ }).waitFor();
    await chair.getByRole('table', { name: 'Decisions that met what they expected, per node' }).getByRole('row', { name: new RegExp(`${organizationName}.*0\\.0 %`) }).waitFor();
    expect(await seriousViolations(chair)).toEqual([]);
    await chair.screenshot({ path: path.join(RESULTS, 'cockpit-decision-log.png'), fullPage: true });
    await Promise.all([chair.close(), owner.close()]);
  }, 120_000);

  inBrowser('tells the sponsor of a gate request by mail, lists it in Notifications and beside its audit entry, and stops when told to', async () => {
    const address = `sam-${randomUUID().slice(0, 6)}@e2e.example`;
    const sponsor = await signedInAs('Sam Sponsor');
    await sponsor.getByRole('link', { name: /Notifications/ }).click();
    await sponsor.getByRole('heading', { name: 'What I am told, and where' }).waitFor();
    await sponsor.getByRole('textbox', { name: 'Mail address' }).fill(address);
    await sponsor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => apiAs(plans.baseUrl, { id: 'sam', roles: ['sponsor'] }).get('/api/me/notification-settings'), (answer) => answer.body.email === address, { what: 'the address to be saved' });

    const olivia: Person = { id: 'olivia', roles: ['owner'] };
    const title = `Night deliveries ${randomUUID().slice(0, 6)}`;
    const created = await apiAs(initiatives.baseUrl, olivia).post('/api/initiatives', {
      title,
      programId,
      ownerId: 'olivia',
      sponsorId: 'sam',
      controllerId: 'cleo',
      category: 'cost',
      measures: [{ name: 'Freight', category: 'opex', plannedValues: [{ period: '2027-03', amount: 40_000_00 }] }],
      milestones: [{ title: 'Permit', dueDate: '2099-06-30' }],
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await apiAs(initiatives.baseUrl, olivia).post(`/api/initiatives/${id}/gate-requests`, { targetStage: 1, evidence: { text: 'Sponsor named', links: [] } })).status).toBe(201);

    // The mail: what happened, what is asked, and the initiative's page in this cockpit.
    const [arrived] = await eventually(async () => mail.to(address).filter((one) => one.subject?.includes(title)), (mails) => mails.length > 0, { what: 'the sponsor’s mail' });
    expect(arrived.subject).toBe(`“${title}” asks for the gate to DoI 1 (Identified)`);
    expect(arrived.text).toContain(`Open it in Tollgate: ${plans.baseUrl}/initiatives/${id}`);

    // The same notice in the page, with its receipt; its link leads to the audit entry it told of.
    await sponsor.reload();
    const card = sponsor.getByRole('article', { name: `“${title}” asks for the gate to DoI 1 (Identified)` });
    await card.getByText(`${address}, by email at`).waitFor();
    await sponsor.screenshot({ path: path.join(RESULTS, 'cockpit-notifications.png') });
    await card.getByRole('link').click();
    await sponsor.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await sponsor.getByText(/^sam told by email at/).waitFor();

    // Set to off, the kind sends nothing more.
    await sponsor.getByRole('link', { name: /Notifications/ }).click();
    const row = sponsor.getByRole('row').filter({ hasText: 'A gate request awaits my key' });
    await row.getByText('Off', { exact: true }).click();
    await eventually(
      () => apiAs(plans.baseUrl, { id: 'sam', roles: ['sponsor'] }).get('/api/me/notification-settings'),
      (answer) => answer.body.kinds.find((kind: { kind: string }) => kind.kind === 'gate_awaiting_key')?.delivery === 'off',
      { what: 'the kind to be off' },
    );
    expect(await seriousViolations(sponsor)).toEqual([]);
  });

  inBrowser('asks to sign in again when a sign-in ends, without losing what the person typed', async () => {
    const owner = await signedInAs('Olivia Owner');
    const created = await apiAs(initiatives.baseUrl, { id: 'olivia', roles: ['owner'] }).post('/api/initiatives', {
      title: `Rail for the Iberia lane ${randomUUID().slice(0, 6)}`,
      programId,
      ownerId: 'olivia',
      sponsorId: 'sam',
      controllerId: 'cleo',
      category: 'cost',
      measures: [{ name: 'Freight', category: 'opex', plannedValues: [{ period: '2027-03', amount: 50_000_00 }] }],
      milestones: [{ title: 'Contract signed', dueDate: '2099-06-30' }],
    });
    await owner.goto(`${plans.baseUrl}/initiatives/${created.body.id}`);
    const evidence = owner.getByRole('textbox', { name: 'Evidence' });
    await evidence.fill('Half a page of evidence, typed before the sign-in ended');
    // The token goes bad, as an expired one would: the next refresh is answered 401.
    await owner.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).sessionStorage;
      const session = JSON.parse(storage.getItem('tollgate.session')!) as { token: string };
      storage.setItem('tollgate.session', JSON.stringify({ ...session, token: `${session.token}x` }));
    });
    await owner.getByRole('dialog', { name: /Your sign-in has ended/ }).waitFor({ timeout: 15_000 });
    await owner.getByRole('dialog').getByRole('button', { name: 'Sign in as Olivia Owner' }).click();
    await owner.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await evidence.inputValue()).toBe('Half a page of evidence, typed before the sign-in ended');
    await owner.close();
  });
  inBrowser('walks one initiative from its definition to its closure through the page alone, owner, sponsor, PMO and controller in turn, while the portfolio follows', async () => {
    const title = `Quay automation ${randomUUID().slice(0, 6)}`;
    const portfolio = await signedInAs('Pat PMO');
    await eventually(() => figure(portfolio, 'Confirmed'), (text) => text === 'EUR\u00a00', { what: 'no value confirmed yet in the organization' });

    // The owner defines it in the program's page, with what the gates will ask for.
    const owner = await signedInAs('Olivia Owner');
    await owner.goto(`${plans.baseUrl}/nodes/${programId}`);
    await owner.getByRole('button', { name: 'Define an initiative' }).click();
    const form = owner.getByRole('form', { name: 'Define an initiative' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('textbox', { name: 'Sponsor' }).fill('sam');
    await form.getByRole('textbox', { name: 'Controller' }).fill('cleo');
    await form.getByRole('textbox', { name: 'Measure' }).fill('Crane labour');
    await form.getByLabel('Planned value: month 1').fill('2027-03');
    await form.getByLabel('Planned value: amount 1 (EUR)').fill('120000');
    await form.getByRole('button', { name: 'Add a month to one-time costs' }).click();
    await form.getByLabel('One-time costs: month 1').fill('2027-01');
    await form.getByLabel('One-time costs: amount 1 (EUR)').fill('20000');
    await form.getByRole('textbox', { name: 'Milestone 1', exact: true }).fill('Cranes live');
    await form.getByLabel('Milestone 1 due').fill('2099-06-30');
    await form.getByRole('button', { name: 'Define the initiative' }).click();
    await owner.getByRole('heading', { level: 1, name: title }).waitFor();
    const initiativeUrl = owner.url();

    const requestGate = async (evidence: string) => {
      await owner.getByRole('textbox', { name: 'Evidence' }).fill(evidence);
      await owner.getByRole('button', { name: 'Request gate' }).click();
      await owner.getByRole('cell', { name: 'pending' }).waitFor();
    };
    // Each decider finds the request in their own queue and approves it on the initiative's page.
    const approveFromMyWork = async (page: Page) => {
      await page.goto(`${plans.baseUrl}/work`);
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached' });
    };
    const stageShown = (stage: string) => owner.getByText(`${stage} · confirmed by finance`, { exact: false }).waitFor({ timeout: 20_000 });
    const sponsor = await signedInAs('Sam Sponsor');
    const office = await signedInAs('Pat PMO');
    const controller = await signedInAs('Cleo Controller');

    await requestGate('Sponsor and controller named; crane labour measured');
    await approveFromMyWork(sponsor);
    await stageShown('DoI 1 Identified');
    await requestGate('Business case: savings from March, one-time cost in January');
    await approveFromMyWork(office);
    await stageShown('DoI 2 Detailed');
    await requestGate('Go decision taken with the terminal');
    await approveFromMyWork(sponsor);
    await approveFromMyWork(controller);
    await stageShown('DoI 3 Decided');
    await owner.getByRole('textbox', { name: 'What was delivered' }).fill('Cranes run on the new schedule since Monday');
    await owner.getByRole('button', { name: 'Complete the milestone' }).click();
    await owner.getByRole('button', { name: 'Complete the milestone' }).waitFor({ state: 'detached' });
    await requestGate('Every milestone completed');
    await approveFromMyWork(sponsor);
    await stageShown('DoI 4 Implemented');
    await owner.getByRole('button', { name: 'Request closure' }).click();
    await owner.getByRole('button', { name: 'Request closure' }).waitFor({ state: 'detached' });
    // Implemented is not closed: the page says the closure waits for finance.
    await owner.getByText('closure awaiting finance').waitFor();

    // The controller confirms the value realized from their queue; the lifecycle closes the initiative on finance's word.
    await controller.goto(`${plans.baseUrl}/work`);
    const closure = controller.getByRole('heading', { name: 'Closures awaiting your confirmation' }).locator('..');
    const card = closure.locator('.mantine-Card-root').filter({ hasText: title }).first();
    await card.getByLabel('Amount (EUR)').fill('110000');
    await card.getByRole('textbox', { name: 'Reference in the ledger' }).fill('GL 2027-03 quay');
    await card.getByRole('button', { name: 'Confirm value' }).click();
    await owner.goto(initiativeUrl);
    await stageShown('DoI 5 Closed');
    await eventually(() => figure(portfolio, 'Confirmed'), (text) => text === 'EUR\u00a0110k', { what: 'the portfolio to show the confirmed value', timeoutMs: 30_000 });
    // The figure leads to what it is made of: the initiatives under it, then the confirmation under the initiative's value.
    await portfolio.locator('[data-figure="Confirmed"]').click();
    const made = portfolio.getByRole('table', { name: 'Initiatives under the node' });
    const row = made.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.textContent()).toContain('DoI 5 Closed');
    await row.getByRole('link', { name: 'EUR 110,000.00' }).click();
    const confirmations = portfolio.getByRole('table', { name: 'Confirmations by finance' });
    await confirmations.getByRole('row', { name: /GL 2027-03 quay/ }).waitFor();
    expect(await confirmations.getByRole('row', { name: /GL 2027-03 quay/ }).textContent()).toContain('cleo');
    await Promise.all([portfolio.close(), owner.close(), sponsor.close(), office.close(), controller.close()]);
  }, 240_000);
});
