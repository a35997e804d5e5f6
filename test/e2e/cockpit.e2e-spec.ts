import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { initiativeAtStage4, initiativePeople } from '../support/initiative-walk';
import { cockpitSession, COCKPIT_RESULTS as RESULTS } from '../support/cockpit-session';
import type { RunningService } from '../support/running-service';
import type { TestMailServer } from '../support/mail-server';

// The cockpit page in Debian's Chromium, against the plans service that
// serves it and the real stack behind it, as a person uses it: sign in,
// browse to a node, read its figures, see them change while others work,
// walk an initiative's gates and be told of them. The longer journeys (an
// S&OP review and what follows it, an initiative from definition to closure)
// are in cockpit-journeys.e2e-spec.ts, so that the tier's two lanes share them.
describe('the cockpit page', () => {
  const cockpit = cockpitSession();
  const { inBrowser, signedInAs, newPage, seriousViolations, figure } = cockpit;
  let plans: RunningService;
  let initiatives: RunningService;
  let mail: TestMailServer;
  let organizationName: string;
  let programId: string;
  // The session's stack and group, once its beforeAll has started and seeded them.
  beforeAll(() => ({ plans, initiatives, mail, organizationName, programId } = cockpit));

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
});
