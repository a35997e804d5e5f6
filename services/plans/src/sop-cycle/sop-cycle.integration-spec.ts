import { Client } from '@temporalio/client';
import { sopCycleWorkflowId, sopScheduleId } from '@tollgate/contracts';
import { OutboxMessage } from '@tollgate/messaging';
import { issueDevelopmentToken } from '@tollgate/auth';
import { randomUUID } from 'node:crypto';
import { eventually } from '../../../../test/support/eventually';
import { apiAs, type Person } from '../../../../test/support/http-client';
import type { RunningService } from '../../../../test/support/running-service';
import { TEST_ENVIRONMENT } from '../../../../test/support/test-environment';
import { TestMailServer } from '../../../../test/support/mail-server';
import { pdfText } from '../../../../test/support/pdf-text';
import { startTestStack, type TestStack } from '../../../../test/support/test-stack';

const unique = () => randomUUID().slice(0, 8);
const admin: Person = { id: `admin-${unique()}`, roles: ['admin'] };
const planner: Person = { id: `dana-${unique()}`, roles: ['viewer'] };
const supplyLead: Person = { id: `sue-${unique()}`, roles: ['viewer'] };
const chair: Person = { id: `carl-${unique()}`, roles: ['sponsor'] };
const stranger: Person = { id: `vic-${unique()}`, roles: ['owner'] };
const owners = { data_gathering: planner.id, demand_review: planner.id, supply_review: supplyLead.id, pre_sop: planner.id, executive_sop: chair.id };

// The S&OP cycle through the plans service's API, on the real stack: the workflow, its activities, the projection, the outbox.
describe('S&OP cycles', () => {
  let stack: TestStack<'plans'>;
  let plans: RunningService;
  let mail: TestMailServer;
  const addressOf = (person: Person) => `${person.id}@example.com`;

  beforeAll(async () => {
    mail = await TestMailServer.start();
    ({ plans } = stack = await startTestStack({ services: ['plans'], worker: true, env: { plans: { TOLLGATE_SMTP_URL: mail.url, TOLLGATE_NOTIFICATION_POLL_MS: '100' } } }));
    for (const person of [chair, planner, supplyLead]) expect((await apiAs(plans.baseUrl, person).put('/api/me/notification-settings', { email: addressOf(person) })).status).toBe(200);
  });

  afterAll(async () => {
    await stack?.stop();
    await mail?.stop();
  });

  const as = (person: Person | null) => apiAs(plans.baseUrl, person);

  async function organization(): Promise<string> {
    const answer = await as(admin).post('/api/org-nodes', { name: `Acme ${unique()}`, kind: 'organization' });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  // Event data, read as the consumers of these events would; typed loosely because the test asserts each field.
  const events = (type: string, orgNodeId: string) =>
    plans.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { messageKey: orgNodeId, type } })
      .then((rows) => rows.map((row) => row.envelope.data as Record<string, unknown>));

  it('sets a node up with step owners and durations; refuses what is malformed, unusable, unknown or not an admin’s', async () => {
    const node = await organization();
    expect((await as(null).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners })).status).toBe(401);
    expect((await as(stranger).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners })).status).toBe(403);
    expect((await as(admin).put(`/api/org-nodes/${randomUUID()}/sop-cycle-setup`, { owners })).status).toBe(404);
    expect((await as(admin).get(`/api/org-nodes/${node}/sop-cycle-setup`)).status).toBe(404);
    expect((await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners: { data_gathering: 'x' } })).status).toBe(400);
    expect((await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners, durations: { pre_sop: 'one month' } })).status).toBe(400);
    const unusable = await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners, mitigationWindow: 'PT0H' });
    expect(unusable).toMatchObject({ status: 422, body: { code: 'bad_sop_cycle_setup', unmet: ["mitigationWindow: 'PT0H' is not an exact, positive duration (weeks, days, hours)"] } });

    const written = await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners, durations: { pre_sop: 'P1W' } });
    expect(written).toMatchObject({
      status: 201,
      body: { orgNodeId: node, owners, durations: { data_gathering: 'P3D', pre_sop: 'P1W' }, mitigationWindow: 'P3D', schedule: null },
    });
    expect((await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners })).status).toBe(200);
  });

  it('walks a cycle through its steps: exceptions with mitigations at pre-S&OP, decisions at the executive S&OP, published', async () => {
    const node = await organization();
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: node, period: '2027-03' })).status).toBe(422);
    await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners });
    await as(admin).put(`/api/org-nodes/${node}/sop-policy`, {
      ownerId: planner.id,
      valueThreshold: { absolute: 10_000, percent: 0.05 },
      volumeThreshold: { absolute: 100, percent: 0.05 },
    });
    const plan = await as(admin).put(`/api/org-nodes/${node}/plan`, {
      currency: 'EUR',
      targets: [{ period: '2027-03', amount: 5_000_000 }],
      demand: [
        { family: 'widgets', period: '2027-03', volume: 12_000 },
        { family: 'gears', period: '2027-03', volume: 1_000 },
      ],
      capacity: [
        { family: 'widgets', period: '2027-03', volume: 10_000 },
        { family: 'gears', period: '2027-03', volume: 1_500 },
      ],
    });
    expect(plan.status).toBe(201);

    expect((await as(planner).post('/api/sop-cycles', { orgNodeId: node, period: '2027-03' })).status).toBe(403);
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: node, period: 'March' })).status).toBe(400);
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: randomUUID(), period: '2027-03' })).status).toBe(404);
    const started = await as(admin).post('/api/sop-cycles', { orgNodeId: node, period: '2027-03' });
    const cycleId = sopCycleWorkflowId(node, '2027-03');
    expect(started).toMatchObject({ status: 201, body: { id: cycleId, step: 'data_gathering', chairId: chair.id, startedBy: admin.id } });
    expect(started.body.steps[0]).toMatchObject({ step: 'data_gathering', ownerId: planner.id, completedAt: null });
    expect(Date.parse(started.body.steps[0].dueAt) - Date.parse(started.body.startedAt)).toBe(3 * 86_400_000);
    expect((await as(admin).post('/api/sop-cycles', { orgNodeId: node, period: '2027-03' })).status).toBe(200);
    expect(await events('plans.cycle-started', node)).toEqual([expect.objectContaining({ cycleId, period: '2027-03', chairId: chair.id })]);

    // The cycle's dates in calendars: the chair's holds the executive meeting; the node's every step still to come.
    const calendarUrl = (await as(chair).post('/api/me/calendar', {})).body.url as string;
    const calendarOf = async (url: string) => (await (await fetch(`${plans.baseUrl}${new URL(url).pathname}`)).text()).match(/^SUMMARY:.*$/gm) ?? [];
    expect(await calendarOf(calendarUrl)).toEqual([`SUMMARY:Executive S&OP meeting: ${(await as(stranger).get(`/api/org-nodes/${node}`)).body.name}\\, Mar 2027`]);
    expect((await calendarOf(`${calendarUrl}/nodes/${node}`)).length).toBe(5);

    const complete = (person: Person, step: string) => as(person).post(`/api/sop-cycles/${encodeURIComponent(cycleId)}/steps/${step}/completion`, { note: `${step} done` });
    expect((await complete(planner, 'supply_review')).status).toBe(409);
    expect((await complete(stranger, 'data_gathering')).status).toBe(403);
    expect((await as(planner).post(`/api/sop-cycles/${encodeURIComponent(`sop-cycle-${randomUUID()}-2027-03`)}/steps/data_gathering/completion`, {})).status).toBe(404);
    expect((await complete(planner, 'data_gathering')).body.step).toBe('demand_review');
    await complete(planner, 'demand_review');
    await complete(supplyLead, 'supply_review');

    // Pre-S&OP: only deviations reach the agenda, each owed a mitigation.
    const agenda = await as(stranger).get(`/api/sop-cycles/${encodeURIComponent(cycleId)}/agenda`);
    expect(agenda.status).toBe(200);
    expect(agenda.body.step).toBe('pre_sop');
    const byKind = Object.fromEntries(agenda.body.exceptions.map((exception: { kind: string }) => [exception.kind, exception]));
    expect(Object.keys(byKind).sort()).toEqual(['demand_exceeds_capacity', 'forecast_below_target']);
    expect(byKind.demand_exceeds_capacity).toMatchObject({ subject: `${node}/widgets`, reference: 10_000, actual: 12_000, deviation: 2_000, ownerId: planner.id, state: 'awaiting_mitigation' });
    expect(byKind.forecast_below_target).toMatchObject({ reference: 5_000_000, actual: 0, deviation: -5_000_000 });
    expect((await events('plans.exception-raised', node)).map((data) => data.kind).sort()).toEqual(['demand_exceeds_capacity', 'forecast_below_target']);
    // Each exception's owner is told a mitigation is owed, with the room's link.
    const owed = await eventually(async () => mail.to(addressOf(planner)).filter((one) => one.subject?.startsWith('A mitigation is owed for')), (mails) => mails.length === 2, { what: 'the planner’s two mails' });
    // Each names what it is about: the family at its node, the node.
    const nodeName = (await as(stranger).get(`/api/org-nodes/${node}`)).body.name as string;
    expect(owed.map((one) => one.subject).sort()).toEqual([
      `A mitigation is owed for demand beyond capacity: widgets at ${nodeName} (S&OP review of Mar 2027)`,
      `A mitigation is owed for the forecast under target: ${nodeName} (S&OP review of Mar 2027)`,
    ]);
    expect(owed[0].text).toContain(`/nodes/${node}/sop`);

    const mitigate = (person: Person, exceptionId: string, body: object) =>
      as(person).post(`/api/sop-cycles/${encodeURIComponent(cycleId)}/exceptions/${exceptionId}/mitigation`, body);
    const action = { action: 'a third shift from April', ownerId: supplyLead.id, dueDate: '2027-04-01' };
    const gap = byKind.demand_exceeds_capacity.id;
    expect((await mitigate(planner, gap, { action: 'x' })).status).toBe(400);
    expect((await mitigate(stranger, gap, action)).status).toBe(403);
    expect((await mitigate(planner, randomUUID(), action)).status).toBe(404);
    expect((await mitigate(planner, gap, { ...action, action: '   ' })).status).toBe(422);
    // The work queue: what the planner owes, what waits in the chair's cycle, named as the agenda names it; nothing for a stranger.
    const missing = async (person: Person) => (await as(person).get('/api/work/missing-mitigations')).body.items.filter((item: { cycleId: string }) => item.cycleId === cycleId);
    expect((await missing(planner)).map((item: { kind: string; subjectName: string; as: string }) => [item.kind, item.subjectName, item.as]).sort()).toEqual([
      ['demand_exceeds_capacity', `widgets at ${nodeName}`, 'owner'],
      ['forecast_below_target', nodeName, 'owner'],
    ]);
    expect((await missing(chair)).map((item: { as: string }) => item.as)).toEqual(['chair', 'chair']);
    expect(await missing(stranger)).toEqual([]);
    const mitigated = await mitigate(planner, gap, action);
    expect(mitigated).toMatchObject({ status: 200, body: { id: gap, state: 'mitigated', mitigation: { action: 'a third shift from April', submittedBy: planner.id } } });
    expect((await missing(planner)).map((item: { kind: string }) => item.kind)).toEqual(['forecast_below_target']);
    expect((await mitigate(planner, gap, action)).status).toBe(409);

    const decide = (person: Person, body: object) => as(person).post(`/api/sop-cycles/${encodeURIComponent(cycleId)}/decisions`, body);
    expect((await decide(chair, { kind: 'resolution', rationale: 'too early' })).status).toBe(409);
    await complete(planner, 'pre_sop');

    // The pre-read: the agenda ranked by value at risk, with each mitigation, and the decisions the meeting is asked for; mailed as a PDF to whoever takes part.
    const paperOf = (paper: string) => as(stranger).get(`/api/sop-cycles/${encodeURIComponent(cycleId)}/${paper}`);
    expect((await paperOf('minutes')).status).toBe(409);
    const preRead = await paperOf('pre-read');
    expect(preRead.body).toMatchObject({ paper: 'pre_read', period: '2027-03', chairId: chair.id, nodeName, currency: 'EUR' });
    expect(preRead.body.exceptions.map((exception: { kind: string }) => exception.kind)).toEqual(['forecast_below_target', 'demand_exceeds_capacity']);
    expect(preRead.body.decisionsSought).toEqual(
      expect.arrayContaining([
        { kind: 'accept_mitigation', exceptionId: gap, subjectName: `widgets at ${nodeName}`, action: 'a third shift from April', ownerId: supplyLead.id, dueDate: '2027-04-01' },
        { kind: 'resolution', exceptionId: byKind.forecast_below_target.id, subjectName: nodeName, reason: 'no_mitigation' },
      ]),
    );
    expect(preRead.body.participants).toEqual(expect.arrayContaining([chair.id, admin.id, planner.id, supplyLead.id]));
    const [preReadMail] = await eventually(async () => mail.to(addressOf(chair)).filter((one) => one.subject === 'Pre-read of the S&OP review of Mar 2027'), (mails) => mails.length > 0, { what: 'the chair’s pre-read' });
    expect(preReadMail.text).toContain(`/cycles/${encodeURIComponent(cycleId)}/pre-read`);
    expect(preReadMail.attachments.map((file) => [file.filename, file.contentType])).toEqual([[`pre-read-${cycleId}.pdf`, 'application/pdf']]);
    const preReadPdf = await pdfText(preReadMail.attachments[0].content);
    expect(preReadPdf.text).toContain('Pre-read: S&OP review of Mar 2027');
    expect(preReadPdf.text).toContain('Mitigation: a third shift from April');
    expect(preReadPdf.text).toContain(`Accept the mitigation of widgets at ${nodeName}`);

    // The executive S&OP: the chair decides, with a rationale; a promotion makes a scenario the plan of record.
    const scenario = await as(admin).post(`/api/org-nodes/${node}/scenarios`, { name: 'Lean spring' });
    expect(scenario.status).toBe(201);
    expect((await decide(chair, { kind: 'vote', rationale: 'x' })).status).toBe(400);
    expect((await decide(planner, { kind: 'resolution', rationale: 'x' })).status).toBe(403);
    // An admin who is neither the chair nor a PMO decides nothing, as the 403 says.
    const byAdmin = await decide(admin, { kind: 'resolution', rationale: 'x' });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.message).toContain("or the role 'pmo'");
    expect((await decide(chair, { kind: 'resolution', rationale: ' ' })).status).toBe(422);
    expect((await decide(chair, { kind: 'approve_pivot', subject: 'no-such-program', rationale: 'x' })).status).toBe(404);
    expect((await decide(chair, { kind: 'promote_scenario', subject: randomUUID(), rationale: 'x' })).status).toBe(404);
    const promoted = await decide(chair, { kind: 'promote_scenario', subject: scenario.body.id, rationale: 'the lean plan fits capacity' });
    expect(promoted).toMatchObject({ status: 201, body: { kind: 'promote_scenario', decidedBy: chair.id, outcome: [`scenario ${scenario.body.id} is the plan of record of ${node}`] } });
    expect((await as(stranger).get(`/api/org-nodes/${node}/plan`)).body).toMatchObject({ id: scenario.body.id, kind: 'record' });
    const accepted = await decide(chair, { kind: 'accept_mitigation', subject: gap, rationale: 'the Łódź shift covers the gap (Ελλάδα, Москва agree)' });
    expect(accepted.status).toBe(201);

    const decisions = await as(stranger).get(`/api/sop-cycles/${encodeURIComponent(cycleId)}/decisions`);
    expect(decisions.body.decisions.map((decision: { kind: string; decidedBy: string }) => [decision.kind, decision.decidedBy])).toEqual([
      ['promote_scenario', chair.id],
      ['accept_mitigation', chair.id],
    ]);
    expect((await events('plans.decision-recorded', node)).map((data) => data.kind).sort()).toEqual(['accept_mitigation', 'promote_scenario']);

    const published = await complete(chair, 'executive_sop');
    expect(published).toMatchObject({ status: 200, body: { step: 'published' } });

    // The minutes: the decisions with their rationales, the actions they ask for, who took part; as a page, a PDF, and a mail to each participant.
    const minutes = await eventually(() => paperOf('minutes'), (answer) => answer.body.actions?.length === 1, { what: 'the minutes with the accepted mitigation’s action' });
    expect(minutes.body.decisions.map((decision: { kind: string; rationale: string }) => [decision.kind, decision.rationale])).toEqual([
      ['promote_scenario', 'the lean plan fits capacity'],
      ['accept_mitigation', 'the Łódź shift covers the gap (Ελλάδα, Москва agree)'],
    ]);
    expect(minutes.body.actions).toEqual([expect.objectContaining({ title: 'a third shift from April', ownerId: supplyLead.id, dueDate: '2027-04-01', status: 'open' })]);
    const file = await fetch(`${plans.baseUrl}/api/sop-cycles/${encodeURIComponent(cycleId)}/minutes/pdf`, { headers: { authorization: `Bearer ${issueDevelopmentToken({ sub: stranger.id, roles: stranger.roles }, TEST_ENVIRONMENT.jwtSecret)}` } });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const minutesPdf = await pdfText(Buffer.from(await file.arrayBuffer()));
    expect(minutesPdf.pages).toBeGreaterThanOrEqual(1);
    expect(minutesPdf.text).toContain('Minutes: S&OP review of Mar 2027');
    // Written as typed, whatever the script: not Latin-1 look-alikes.
    expect(minutesPdf.text).toContain('Rationale: the Łódź shift covers the gap (Ελλάδα, Москва agree)');
    expect(minutesPdf.text).toContain(`a third shift from April: ${supplyLead.id}, due 1 Apr 2027 (open)`);
    const [minutesMail] = await eventually(async () => mail.to(addressOf(supplyLead)).filter((one) => one.subject === 'Minutes of the S&OP review of Mar 2027'), (mails) => mails.length > 0, { what: 'the minutes by mail' });
    expect((await pdfText(minutesMail.attachments[0].content)).text).toContain('Rationale: the lean plan fits capacity');
    expect((await decide(chair, { kind: 'resolution', rationale: 'late' })).status).toBe(409);
    const listed = await as(stranger).get(`/api/sop-cycles?orgNodeId=${node}`);
    expect(listed.body.cycles.map((cycle: { id: string; step: string }) => [cycle.id, cycle.step])).toEqual([[cycleId, 'published']]);
    expect((await as(stranger).get('/api/sop-cycles')).status).toBe(400);
  });

  it('starts the month’s cycle from its Temporal Schedule', async () => {
    const node = await organization();
    const written = await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners, schedule: { dayOfMonth: 3, hourUtc: 6 } });
    expect(written.status).toBe(201);
    expect(written.body.schedule).toMatchObject({ dayOfMonth: 3, hourUtc: 6, scheduleId: sopScheduleId(node) });
    expect(written.body.schedule.nextStarts).toHaveLength(3);
    for (const start of written.body.schedule.nextStarts) expect(start).toMatch(/^\d{4}-\d{2}-03T06:00:00\.000Z$/);

    const client = plans.app.get(Client);
    await client.schedule.getHandle(sopScheduleId(node)).trigger();
    const period = new Date().toISOString().slice(0, 7);
    const cycle = await eventually(
      () => as(stranger).get(`/api/sop-cycles/${encodeURIComponent(sopCycleWorkflowId(node, period))}`),
      (answer) => answer.status === 200,
      { what: 'the scheduled cycle to start' },
    );
    expect(cycle.body).toMatchObject({ orgNodeId: node, period, startedBy: 'tollgate-schedule', step: 'data_gathering' });

    // Turning the schedule off removes it.
    await as(admin).put(`/api/org-nodes/${node}/sop-cycle-setup`, { owners, schedule: null });
    await expect(client.schedule.getHandle(sopScheduleId(node)).describe()).rejects.toThrow(/not found/i);
  });
});
