import { createEnvelope, TOPICS, type EventData, type EventType } from '@tollgate/contracts';
import { dayInWords, decideSopCycle, evolveSopCycle, initialSopCycleState, localTime } from '@tollgate/domain';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import { TestMailServer } from '../../../../test/support/mail-server';
import { WebhookReceiver } from '../../../../test/support/webhook-receiver';
import type { RunningService } from '../../../../test/support/running-service';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';
import { produceSigned } from '../../../../test/support/topic-reader';
import { SopCycleProjection } from '../sop-cycle/sop-cycle-projection.service';

/**
 * What people are told, sent to a real SMTP server the test starts: the
 * initiatives service's events (hand-made and signed as it signs them) become
 * one mail per person who holds a part in them, per each person's settings;
 * a repeated event sends nothing more, a mail server that is away is tried
 * again, and each sent mail's receipt is kept.
 */
describe('notifications by mail', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  let mail: TestMailServer;
  let chat: WebhookReceiver;
  const run = randomUUID().slice(0, 8);
  const person = (name: string, roles: Person['roles']): Person & { email: string } => ({ id: `${name}-${run}`, roles, email: `${name}-${run}@example.com` });
  const owner = person('olivia', ['owner']);
  const sponsor = person('sam', ['sponsor']);
  const pmo = person('pat', ['pmo']);
  const quietPmo = person('quinn', ['pmo']);
  const controller = person('cleo', ['controller']);
  const digestReader = person('dora', ['sponsor']);
  const programId = randomUUID();
  const as = (who: Person | null) => apiAs(plans.baseUrl, who);

  async function send<T extends EventType>(type: T, subject: string, data: EventData<T>, id = randomUUID()): Promise<void> {
    await produceSigned('initiatives', TOPICS.initiativesEvents, createEnvelope({ type, source: 'tollgate/initiatives', subject, data }, id, new Date()));
  }

  /** The initiative's creation as the initiatives service announces it; the notifications learn its parties from it. */
  async function created(initiativeId: string, overrides: Partial<EventData<'initiative.created'>> = {}): Promise<void> {
    await send('initiative.created', initiativeId, {
      initiativeId,
      programId,
      code: `N${run}`.slice(0, 20),
      title: `Cold-chain routing ${run}`,
      ownerId: owner.id,
      sponsorId: sponsor.id,
      controllerId: controller.id,
      category: 'cost',
      currency: 'EUR',
      stage: 1,
      status: 'on_track',
      plannedValue: 400_000,
      measures: [],
      ...overrides,
    });
  }

  const gateRequested = (initiativeId: string, gateRequestId: string) =>
    ({ initiativeId, programId, gateRequestId, targetStage: 2, submittedBy: owner.id, submittedAt: new Date().toISOString(), keys: [['sponsor', 'pmo']] as ('sponsor' | 'pmo')[][], sponsorId: sponsor.id, controllerId: controller.id });

  beforeAll(async () => {
    mail = await TestMailServer.start();
    chat = await WebhookReceiver.start();
    ({ plans } = stack = await startTestStack({ services: ['plans'], env: { plans: { TOLLGATE_SMTP_URL: mail.url, TOLLGATE_NOTIFICATION_POLL_MS: '100', TOLLGATE_NOTIFICATION_FIRST_RETRY_MS: '200', TOLLGATE_DIGEST_CHECK_MS: '200', TOLLGATE_COCKPIT_PUBLIC_URL: 'https://tollgate.example.com' } } }));
    for (const someone of [owner, sponsor, pmo, controller]) expect((await as(someone).put('/api/me/notification-settings', { email: someone.email })).status).toBe(200);
    // One PMO user wants no gate requests: they get none, and nothing is recorded for them.
    expect((await as(quietPmo).put('/api/me/notification-settings', { email: quietPmo.email, deliveries: { gate_awaiting_key: 'off' } })).body).toMatchObject({
      email: quietPmo.email,
      kinds: expect.arrayContaining([{ kind: 'gate_awaiting_key', delivery: 'off', defaultDelivery: 'immediate' }]),
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
    await chat?.stop();
  });

  it('sends a gate request to each key holder once, with what is asked, by when and the link, and a repeated event sends nothing more', async () => {
    const initiativeId = `ini-${run}`;
    await created(initiativeId);
    const eventId = randomUUID();
    await send('initiative.gate-requested', initiativeId, gateRequested(initiativeId, `gate-${run}`), eventId);
    const [toSponsor] = await eventually(async () => mail.to(sponsor.email), (mails) => mails.length > 0, { what: 'the sponsor’s mail' });
    // A PMO user holds a key of every gate 2 and 4: other suites' initiatives on the same topics reach them too, so only this one's are counted.
    const aboutThis = (address: string) => mail.to(address).filter((one) => one.text?.includes(`/initiatives/${initiativeId}`));
    await eventually(async () => aboutThis(pmo.email), (mails) => mails.length > 0, { what: 'the PMO’s mail' });
    expect(toSponsor.subject).toBe(`“Cold-chain routing ${run}” asks for the gate to DoI 2 (Detailed)`);
    expect(toSponsor.text).toContain(`${owner.id} asked on ${dayInWords(new Date().toISOString())} for “Cold-chain routing ${run}”`);
    expect(toSponsor.text).toContain('What is asked of you: Approve or reject it with your sponsor key. By ');
    expect(toSponsor.text).toContain(`Open it in Tollgate: https://tollgate.example.com/initiatives/${initiativeId}`);
    expect(toSponsor.html).toContain(`<a href="https://tollgate.example.com/initiatives/${initiativeId}">`);
    expect(toSponsor.messageId).toMatch(/@tollgate>$/);

    // The same event again (a republished message), then a later one: when the later one's mail is here, the repeat would have been too.
    await send('initiative.gate-requested', initiativeId, gateRequested(initiativeId, `gate-${run}`), eventId);
    await send('initiative.gate-rejected', initiativeId, { initiativeId, programId, gateRequestId: `gate-${run}`, targetStage: 2, rejectedBy: sponsor.id, reason: 'the savings case lacks the carrier quotes' });
    const [rejection] = await eventually(async () => mail.to(owner.email), (mails) => mails.length > 0, { what: 'the owner’s mail about the rejection' });
    expect(rejection.subject).toBe(`The gate to DoI 2 (Detailed) was rejected for “Cold-chain routing ${run}”`);
    expect(rejection.text).toContain('the savings case lacks the carrier quotes');
    // A PMO user holds a key of every gate 2 and 4: other suites' initiatives on the same topics reach them too, so only this one's are counted.
    expect(aboutThis(sponsor.email)).toHaveLength(1);
    expect(aboutThis(pmo.email)).toHaveLength(1);
    expect(aboutThis(quietPmo.email)).toHaveLength(0);

    // The initiative's page shows who was told, without their addresses; each person sees their own receipt.
    // Each receipt is written once the mail server has taken its mail, a moment after it arrives there.
    const told = await eventually(
      async () => (await as(owner).get(`/api/notifications?about=${initiativeId}`)).body.notifications as { recipientId: string; kind: string; status: string; address: string | null }[],
      (receipts) => receipts.length >= 3 && receipts.every((one) => one.status !== 'pending'),
      { what: 'the receipts of the three mails' },
    );
    expect(told.map((one) => [one.recipientId, one.kind, one.status, one.address]).sort()).toEqual(
      [
        [owner.id, 'gate_decided', 'sent', null],
        [pmo.id, 'gate_awaiting_key', 'sent', null],
        [sponsor.id, 'gate_awaiting_key', 'sent', null],
      ].sort(),
    );
    const [receipt] = (await as(sponsor).get('/api/me/notifications')).body.notifications;
    expect(receipt).toMatchObject({ about: initiativeId, occasion: `gate:gate-${run}:requested`, status: 'sent', channel: 'email', address: sponsor.email, attempts: 1, messageId: toSponsor.messageId, sentAt: expect.any(String) });
  });

  it('tries again while the mail server refuses, and the mail arrives once', async () => {
    const initiativeId = `retry-${run}`;
    await created(initiativeId);
    mail.refuse(controller.email, 1);
    await send('initiative.closure-requested', initiativeId, { initiativeId, programId, requestedBy: owner.id, closure: 'pending_confirmation' });
    const [arrived] = await eventually(async () => mail.to(controller.email), (mails) => mails.length > 0, { what: 'the controller’s mail after a refusal' });
    expect(arrived.subject).toBe(`“Cold-chain routing ${run}” waits for your confirmation of realized value`);
    const [receipt] = (await as(controller).get(`/api/me/notifications?about=${initiativeId}`)).body.notifications;
    expect(receipt).toMatchObject({ kind: 'closure_awaiting_confirmation', status: 'sent', attempts: 2, lastError: null });
    expect(mail.to(controller.email)).toHaveLength(1);
  });

  it('records what could not be sent to someone without an address, with why', async () => {
    const initiativeId = `unknown-${run}`;
    const stranger = `stranger-${run}`;
    await created(initiativeId, { title: 'Nobody to tell', ownerId: stranger, controllerId: null, plannedValue: 1 });
    await send('initiative.milestone-missed', initiativeId, { initiativeId, programId, milestoneId: 'm1', title: 'Pilot', dueDate: '2027-01-15', ownerId: stranger });
    const [unsent] = await eventually(
      async () => (await as(sponsor).get(`/api/notifications?about=${initiativeId}`)).body.notifications,
      (listed: unknown[]) => listed.length > 0,
      { what: 'the notice to be recorded' },
    );
    expect(unsent).toMatchObject({ recipientId: stranger, kind: 'milestone_late', status: 'unsent', lastError: `no mail address for ${stranger}` });
  });

  it('keeps what a person wants in the digest until their hour, then sends it all in one mail, once that day', async () => {
    // A time zone where the next hour is still today.
    const timeZone = new Date().getUTCHours() < 22 ? 'UTC' : 'Etc/GMT+3';
    const { hour } = localTime(Date.now(), timeZone);
    const settings = (digestHour: number) => as(digestReader).put('/api/me/notification-settings', { email: digestReader.email, deliveries: { gate_awaiting_key: 'digest' }, digestHour, timeZone });
    expect((await settings(hour + 1)).status).toBe(200);
    const requested = async (initiativeId: string) => {
      await created(initiativeId, { title: `Dock slots ${initiativeId}`, sponsorId: digestReader.id, controllerId: null, stage: 0, plannedValue: 250_000 });
      await send('initiative.gate-requested', initiativeId, { ...gateRequested(initiativeId, `gate-${initiativeId}`), sponsorId: digestReader.id, controllerId: null });
      // The PMO is told at once of the same event: when that mail is here, an immediate one to the digest reader would be too.
      await eventually(async () => mail.to(pmo.email).filter((one) => one.subject?.includes(initiativeId)), (mails) => mails.length > 0, { what: 'the PMO’s mail' });
    };
    const first = `digest-a-${run}`;
    await requested(first);
    expect(mail.to(digestReader.email)).toHaveLength(0);
    const [waiting] = (await as(digestReader).get(`/api/me/notifications?about=${first}`)).body.notifications;
    expect(waiting).toMatchObject({ kind: 'gate_awaiting_key', delivery: 'digest', status: 'pending' });

    // Their hour comes (set to now): one mail with what waited.
    expect((await settings(hour)).status).toBe(200);
    const [digest] = await eventually(async () => mail.to(digestReader.email), (mails) => mails.length > 0, { what: 'the digest' });
    expect(digest.subject).toMatch(/^Your Tollgate digest for .*: 1 thing waiting$/);
    expect(digest.text).toContain('A gate request awaits my key');
    expect(digest.text).toContain(`Dock slots ${first}`);
    expect(digest.text).toContain(`https://tollgate.example.com/initiatives/${first}`);
    // The receipt is written once the mail server has taken the mail, a moment after it arrives there.
    const receipt = await eventually(
      async () => (await as(digestReader).get(`/api/me/notifications?about=${first}`)).body.notifications[0],
      (one) => one?.status !== 'pending',
      { what: 'the digest’s receipt' },
    );
    expect(receipt).toMatchObject({ status: 'sent', messageId: digest.messageId });

    // The same day's next notice waits for tomorrow's digest.
    const second = `digest-b-${run}`;
    await requested(second);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mail.to(digestReader.email)).toHaveLength(1);
    expect((await as(digestReader).get(`/api/me/notifications?about=${second}`)).body.notifications[0]).toMatchObject({ status: 'pending', delivery: 'digest' });
  });

  it("posts to the chat channels of the initiative's program and every node above it once each, through a webhook that fails first", async () => {
    const admin: Person = { id: `admin-${run}`, roles: ['admin'] };
    const node = async (name: string, kind: string, parentId?: string) => (await as(admin).post('/api/org-nodes', { name, kind, ...(parentId ? { parentId } : {}) })).body.id as string;
    const organization = await node(`Chat group ${run}`, 'organization');
    const unit = await node('Operations', 'business_unit', organization);
    const program = await node('Warehousing', 'program', unit);
    const elsewhere = await node(`Other group ${run}`, 'organization');
    const add = (nodeId: string, format: string, path: string) => as(admin).post(`/api/org-nodes/${nodeId}/chat-webhooks`, { name: `${format} channel`, format, url: chat.url(path) });
    expect((await add(organization, 'slack', `/slack-${run}`)).body).toMatchObject({ format: 'slack', origin: new URL(chat.url('/')).origin });
    expect((await add(unit, 'teams', `/teams-${run}`)).status).toBe(201);
    expect((await add(elsewhere, 'slack', `/elsewhere-${run}`)).status).toBe(201);
    chat.answer(`/slack-${run}`, 500);

    const initiativeId = `chat-${run}`;
    await created(initiativeId, { programId: program, title: `Cross-dock ${run}`, controllerId: null, plannedValue: 100_000 });
    await send('initiative.gate-requested', initiativeId, { ...gateRequested(initiativeId, `gate-${initiativeId}`), programId: program, controllerId: null });
    const [slack] = await eventually(async () => chat.on(`/slack-${run}`), (posts) => posts.length > 0, { what: 'the Slack channel’s message' });
    const [teams] = await eventually(async () => chat.on(`/teams-${run}`), (posts) => posts.length > 0, { what: 'the Teams channel’s message' });
    expect(slack).toMatchObject({ text: expect.stringContaining(`“Cross-dock ${run}” asks for the gate to DoI 2 (Detailed)`) });
    expect(JSON.stringify(slack)).toContain(`<https://tollgate.example.com/initiatives/${initiativeId}|`);
    // The channel names everyone asked, whatever each chose for their own mail.
    expect(JSON.stringify(slack)).toContain(`Asked of ${sponsor.id}, ${pmo.id}, ${quietPmo.id}: Approve or reject the request with a key of the gate.`);
    expect(teams).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { actions: [{ type: 'Action.OpenUrl', url: `https://tollgate.example.com/initiatives/${initiativeId}` }] } }] });

    // Once each, the failed post counted; nothing for a node the initiative is not under.
    const told = (await as(owner).get(`/api/notifications?about=${initiativeId}`)).body.notifications as { channel: string; status: string; attempts: number }[];
    expect(told.filter((one) => one.channel !== 'email').map((one) => [one.channel, one.status, one.attempts]).sort()).toEqual([
      ['slack', 'sent', 2],
      ['teams', 'sent', 1],
    ]);
    expect(chat.on(`/slack-${run}`)).toHaveLength(1);
    expect(chat.on(`/elsewhere-${run}`)).toHaveLength(0);

    // The addresses hold secrets: listed by origin only, to admins and the PMO; only admins add or remove.
    const listed = (await as(pmo).get(`/api/org-nodes/${organization}/chat-webhooks`)).body.webhooks;
    expect(listed).toEqual([expect.objectContaining({ name: 'slack channel', origin: new URL(chat.url('/')).origin })]);
    expect(JSON.stringify(listed)).not.toContain(`/slack-${run}`);
    expect((await as(owner).get(`/api/org-nodes/${organization}/chat-webhooks`)).status).toBe(403);
    expect((await as(pmo).post(`/api/org-nodes/${organization}/chat-webhooks`, { name: 'x', format: 'slack', url: chat.url('/x') })).status).toBe(403);
    expect((await as(admin).post(`/api/org-nodes/${organization}/chat-webhooks`, { name: 'x', format: 'discord', url: chat.url('/x') })).status).toBe(400);
    expect((await as(admin).post(`/api/org-nodes/${organization}/chat-webhooks`, { name: 'x', format: 'slack', url: 'ftp://example.com/hook' })).status).toBe(400);
    expect((await as(admin).post(`/api/org-nodes/${randomUUID()}/chat-webhooks`, { name: 'x', format: 'slack', url: chat.url('/x') })).status).toBe(404);
    expect((await as(admin).delete(`/api/org-nodes/${organization}/chat-webhooks/${listed[0].id}`)).status).toBe(204);
    expect((await as(admin).delete(`/api/org-nodes/${organization}/chat-webhooks/${listed[0].id}`)).status).toBe(404);
    expect((await as(admin).delete(`/api/org-nodes/${organization}/chat-webhooks/not-an-id`)).status).toBe(404);
  });

  it("serves each person's calendar through a private address, follows a moved date, and stops when the address is revoked", async () => {
    const initiativeId = `calendar-${run}`;
    await created(initiativeId, { title: `Yard slots ${run}`, milestones: [{ milestoneId: 'm1', title: 'Pilot', dueDate: '2027-05-01' }] });
    const submittedAt = '2027-04-01T10:00:00.000Z';
    await send('initiative.gate-requested', initiativeId, { ...gateRequested(initiativeId, `gate-${initiativeId}`), submittedAt });
    const issued = await as(owner).post('/api/me/calendar', {});
    expect(issued.status).toBe(201);
    expect(issued.body.url).toMatch(/^https:\/\/tollgate\.example\.com\/api\/calendars\/[A-Za-z0-9_-]{43}$/);
    const calendarPath = (url: string) => url.replace('https://tollgate.example.com', '');
    // Read as a calendar program reads it: no sign-in, the token in the address; parsed with ical.js.
    const read = (url: string) => fetch(`${plans.baseUrl}${calendarPath(url)}`);
    const entries = async (url: string) => {
      const answer = await read(url);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
      const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
      return calendar.getAllSubcomponents('vevent').map((component) => {
        const entry = new ICAL.Event(component);
        return { uid: entry.uid, summary: entry.summary, start: entry.startDate.toString() };
      });
    };
    const milestone = { uid: `milestone-${initiativeId}-m1@tollgate`, summary: `Milestone due: Pilot (Yard slots ${run})` };
    expect(await eventually(() => entries(issued.body.url), (listed) => listed.length > 0, { what: 'the milestone in the calendar' })).toEqual([{ ...milestone, start: '2027-05-01' }]);

    // The date moves: the same entry, on the new day.
    await send('initiative.milestone-replanned', initiativeId, { initiativeId, programId, milestoneId: 'm1', title: 'Pilot', previousDueDate: '2027-05-01', dueDate: '2027-06-15', approvedBy: sponsor.id, reason: 'permit late' });
    expect(await eventually(() => entries(issued.body.url), (listed) => listed[0]?.start === '2027-06-15', { what: 'the moved date' })).toEqual([{ ...milestone, start: '2027-06-15' }]);

    // A revised plan replaces the pilot with two milestones: the calendar follows it.
    await send('initiative.plan-revised', initiativeId, {
      initiativeId,
      programId,
      controllerId: controller.id,
      currency: 'EUR',
      plannedValue: 250_000,
      measures: [],
      milestones: [
        { milestoneId: 'm2', title: 'Yard survey', dueDate: '2027-05-20' },
        { milestoneId: 'm3', title: 'Go-live', dueDate: '2027-07-01' },
      ],
    });
    expect(await eventually(() => entries(issued.body.url), (listed) => listed.length === 2, { what: 'the revised milestones' })).toEqual([
      { uid: `milestone-${initiativeId}-m2@tollgate`, summary: `Milestone due: Yard survey (Yard slots ${run})`, start: '2027-05-20' },
      { uid: `milestone-${initiativeId}-m3@tollgate`, summary: `Milestone due: Go-live (Yard slots ${run})`, start: '2027-07-01' },
    ]);

    // The sponsor's calendar holds the gate awaiting their key, on the day the policy allows.
    const sponsorCalendar = (await as(sponsor).post('/api/me/calendar', {})).body.url as string;
    expect(await entries(sponsorCalendar)).toContainEqual({ uid: `gate-gate-${initiativeId}@tollgate`, summary: `Gate to decide: Yard slots ${run} to DoI 2 (Detailed)`, start: '2027-04-11' });

    // The gate to DoI 3 takes the sponsor's key and the controller's: once the sponsor gave theirs, it leaves the sponsor's calendar and stays in the controller's.
    const twoKeys = `calendar-two-${run}`;
    const twoKeysGate = `gate-gate-${twoKeys}@tollgate`;
    await created(twoKeys, { title: `Dock doors ${run}` });
    await send('initiative.gate-requested', twoKeys, { ...gateRequested(twoKeys, `gate-${twoKeys}`), targetStage: 3, keys: [['sponsor'], ['controller']], submittedAt });
    const holdsGate = (listed: { uid: string }[]) => listed.some((entry) => entry.uid === twoKeysGate);
    await eventually(() => entries(sponsorCalendar), holdsGate, { what: 'the two-key gate in the sponsor’s calendar' });
    await send('initiative.gate-key-given', twoKeys, { initiativeId: twoKeys, programId, gateRequestId: `gate-${twoKeys}`, targetStage: 3, key: 'sponsor', givenBy: sponsor.id, keysLeft: [['controller']] });
    await eventually(() => entries(sponsorCalendar), (listed) => !holdsGate(listed), { what: 'the gate gone from the sponsor’s calendar' });
    expect(holdsGate(await entries((await as(controller).post('/api/me/calendar', {})).body.url as string))).toBe(true);

    // Revoked, or made again, the old address answers nothing.
    expect((await as(sponsor).delete('/api/me/calendar')).status).toBe(204);
    expect((await read(sponsorCalendar)).status).toBe(404);
    const again = (await as(owner).post('/api/me/calendar', {})).body.url as string;
    expect((await read(issued.body.url)).status).toBe(404);
    expect((await read(again)).status).toBe(200);
    expect((await fetch(`${plans.baseUrl}/api/calendars/not-a-token`)).status).toBe(404);
    expect((await as(owner).get('/api/me/calendar')).body).toEqual({ active: true, createdAt: expect.any(String) });
  });

  it('reminds the owner of an S&OP step coming due by mail, once, when the cycle projects its reminder', async () => {
    const orgNodeId = randomUUID();
    const plan = {
      owners: { data_gathering: owner.id, demand_review: owner.id, supply_review: owner.id, pre_sop: owner.id, executive_sop: sponsor.id },
      durationsMs: { data_gathering: 3 * 86_400_000, demand_review: 86_400_000, supply_review: 86_400_000, pre_sop: 86_400_000, executive_sop: 86_400_000 },
      mitigationWindowMs: 86_400_000,
    };
    const now = Date.now();
    const started = initialSopCycleState({ cycleId: `sop-cycle-${orgNodeId}-2027-03`, orgNodeId, period: '2027-03', startedBy: pmo.id, now, plan });
    // What the cycle's workflow does when the reminder's timer fires, a day before data gathering is due.
    const ruling = decideSopCycle(started, { type: 'pass-deadlines', remind: true }, { now: now + 2 * 86_400_000, newId: randomUUID });
    const reminded = ruling.ok ? ruling.facts.reduce(evolveSopCycle, started) : started;
    const projection = plans.app.get(SopCycleProjection);
    await projection.project(started, [{ type: 'cycle-started' }]);
    await projection.project(reminded, [{ type: 'step-reminded', step: 'data_gathering' }]);
    // A retried projection announces nothing more.
    await projection.project(reminded, [{ type: 'step-reminded', step: 'data_gathering' }]);
    const aboutThis = () => mail.to(owner.email).filter((one) => one.subject?.startsWith('The data gathering of the S&OP review of Mar 2027') && one.text?.includes(`/nodes/${orgNodeId}/sop`));
    const [reminder] = await eventually(async () => aboutThis(), (mails) => mails.length > 0, { what: 'the step owner’s reminder' });
    const dueAt = new Date(now + 3 * 86_400_000).toISOString();
    expect(reminder.subject).toBe(`The data gathering of the S&OP review of Mar 2027 is due ${dayInWords(dueAt)}`);
    expect(reminder.text).toContain('What is asked of you: Complete the step in the S&OP room before then; past its deadline it is escalated.');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(aboutThis()).toHaveLength(1);
  });

  it('refuses settings it cannot keep, with 400 and what is wrong', async () => {
    const save = (body: unknown) => as(owner).put('/api/me/notification-settings', body);
    expect((await save({ email: 'not an address' })).status).toBe(400);
    expect((await save({ deliveries: { gate_awaiting_key: 'sometimes' } })).status).toBe(400);
    expect((await save({ deliveries: { no_such_kind: 'off' } })).status).toBe(400);
    expect((await save({ digestHour: 24 })).status).toBe(400);
    expect((await save({ timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await as(null).get('/api/me/notifications')).status).toBe(401);
    expect((await as(owner).get('/api/me/notification-settings')).body).toMatchObject({ email: owner.email, digestHour: 8, timeZone: 'UTC' });
  });
});
