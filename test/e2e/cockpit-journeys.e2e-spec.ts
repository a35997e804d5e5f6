import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { cockpitAdmin as admin, cockpitSession, COCKPIT_RESULTS as RESULTS } from '../support/cockpit-session';
import type { RunningService } from '../support/running-service';

// The cockpit's long journeys, as the people who make them: an S&OP review
// from its exceptions to publishing, the follow-up of its decisions after the
// meeting, and one initiative walked from its definition to its closure
// through the page alone. The rest of the page is in cockpit.e2e-spec.ts.
describe('the cockpit page, from the meeting to what follows', () => {
  const cockpit = cockpitSession();
  const { inBrowser, signedInAs, seriousViolations, figure } = cockpit;
  let plans: RunningService;
  let organizationId: string;
  let organizationName: string;
  let programId: string;
  // The session's stack and group, once its beforeAll has started and seeded them.
  beforeAll(() => ({ plans, organizationId, organizationName, programId } = cockpit));

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
