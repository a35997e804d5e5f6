import { LIFECYCLE } from '@tollgate/contracts';
import { randomUUID } from 'node:crypto';
import { InitiativeProjection } from '../../services/initiatives/src/projection/initiative-projection.service';
import { toldBesideAudit } from '../../services/cockpit/src/features/notifications/told-beside-audit';
import { receiptWords } from '../../services/cockpit/src/features/notifications/notification-words';
import { LifecycleHarness } from '../../workflows/initiative-lifecycle/testing/lifecycle-harness';
import { eventually } from '../support/eventually';
import { apiAs, type Person } from '../support/http-client';
import { TestMailServer } from '../support/mail-server';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * An escalation reached by the lifecycle's own timers, weeks skipped on
 * Temporal's time-skipping server, followed through the real parts after it:
 * the initiatives service's projection writes the audit trail and announces
 * the events, the plans service tells the people concerned through a real
 * SMTP server, and the receipt stands beside the audit entry of the rung, as
 * the initiative's page shows it.
 */
describe('an escalation, told', () => {
  let stack: TestStack<'initiatives' | 'plans'>;
  let harness: LifecycleHarness;
  let mail: TestMailServer;
  const run = randomUUID().slice(0, 8);
  const person = (name: string, roles: Person['roles']): Person & { email: string } => ({ id: `${name}-${run}`, roles, email: `${name}-${run}@example.com` });
  const owner = person('olivia', ['owner']);
  const sponsor = person('sam', ['sponsor']);
  const viewer: Person = { id: `vic-${run}`, roles: ['viewer'] };

  beforeAll(async () => {
    mail = await TestMailServer.start();
    stack = await startTestStack({
      services: ['initiatives', 'plans'],
      env: { plans: { TOLLGATE_SMTP_URL: mail.url, TOLLGATE_NOTIFICATION_POLL_MS: '100', TOLLGATE_COCKPIT_PUBLIC_URL: 'https://tollgate.example.com' } },
    });
    const projection = stack.initiatives.app.get(InitiativeProjection);
    harness = await LifecycleHarness.start({ project: (input) => projection.project(input.state, input.changes) });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await stack?.stop();
    await mail?.stop();
  });

  it('mails the owner when the milestone is late and the sponsor at the second rung, and shows each receipt beside its rung in the audit trail', async () => {
    for (const someone of [owner, sponsor]) expect((await apiAs(stack.plans.baseUrl, someone).put('/api/me/notification-settings', { email: someone.email })).status).toBe(200);
    const handle = await harness.create({ title: `Cold-chain tender ${run}`, ownerId: owner.id, sponsorId: sponsor.id });
    const { initiativeId } = await handle.query(LIFECYCLE.state);

    // The tender is due in ten days: a day after, it is late (the owner's rung); a week later it reaches the sponsor.
    await harness.env.sleep('11 days');
    const [late] = await eventually(async () => mail.to(owner.email), (mails) => mails.length > 0, { what: 'the owner’s mail about the late milestone' });
    expect(late.subject).toBe(`Milestone “Tender sent” of “Cold-chain tender ${run}” is late`);
    expect(mail.to(sponsor.email)).toEqual([]);

    await harness.env.sleep('7 days');
    const [escalated] = await eventually(async () => mail.to(sponsor.email), (mails) => mails.length > 0, { what: 'the sponsor’s mail about the escalation' });
    expect(escalated.subject).toBe(`“Cold-chain tender ${run}” is escalated to you`);
    expect(escalated.text).toContain('the escalation has reached you, its sponsor (rung 2 of 3)');
    expect(escalated.text).toContain(`Open it in Tollgate: https://tollgate.example.com/initiatives/${initiativeId}`);

    // The page's audit trail and who was told, each from its own service, put together as the cockpit does.
    const audit = await eventually(
      async () => (await apiAs(stack.initiatives.baseUrl, viewer).get(`/api/initiatives/${initiativeId}/audit`)).body as { revision: number; action: string; at: string; details: Record<string, unknown> }[],
      (entries) => Array.isArray(entries) && entries.some((entry) => entry.action === 'milestone_escalated' && entry.details.level === 2),
      { what: 'the second rung in the audit trail' },
    );
    const told = await eventually(
      async () => (await apiAs(stack.plans.baseUrl, viewer).get(`/api/notifications?about=${initiativeId}`)).body.notifications,
      (rows) => Array.isArray(rows) && rows.filter((row: { status: string }) => row.status === 'sent').length === 2,
      { what: 'both receipts' },
    );
    const beside = toldBesideAudit(audit, told);
    const rung = (level: number) => audit.find((entry) => entry.action === 'milestone_escalated' && entry.details.level === level)!;
    const receipts = (entry: { revision: number }) => (beside.get(entry.revision) ?? []).map((one) => `${one.recipientId} told ${receiptWords(one)}`);
    expect(receipts(rung(1))).toEqual([expect.stringMatching(new RegExp(`^${owner.id} told by email at \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC$`))]);
    expect(receipts(rung(2))).toEqual([expect.stringMatching(new RegExp(`^${sponsor.id} told by email at `))]);
    // Each was told once: the notifications' consumer and delivery have settled (both receipts sent), and a while later
    // nothing more has arrived, nor is another notification recorded about the initiative.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([mail.to(owner.email).length, mail.to(sponsor.email).length]).toEqual([1, 1]);
    expect((await apiAs(stack.plans.baseUrl, viewer).get(`/api/notifications?about=${initiativeId}`)).body.notifications).toHaveLength(2);
  });
});
