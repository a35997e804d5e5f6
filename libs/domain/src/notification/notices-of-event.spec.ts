import { deliveryOf } from './notice';
import { dayInWords, occasionOfAuditEntry, occasionOfEvent } from './occasion';
import { nextAttemptAt, noticesOf, type NoticeContext } from './notices-of-event';

const context: NoticeContext = {
  initiative: { title: 'Cold-chain routing', ownerId: 'olivia', sponsorId: 'sam', controllerId: 'cleo', currency: 'EUR', forecast: 500_000, confirmed: 100_000 },
  pmoIds: ['pat', 'sam'],
  gateDecisionWithinMs: 10 * 86_400_000,
  decidedBy: null,
};
const gateRequested = (targetStage: number, keys: string[][]) =>
  ({
    type: 'initiative.gate-requested',
    data: { initiativeId: 'i1', gateRequestId: 'g1', targetStage, submittedBy: 'olivia', submittedAt: '2027-03-01T10:00:00.000Z', keys, sponsorId: 'sam', controllerId: 'cleo' },
  }) as const;
const told = (notices: ReturnType<typeof noticesOf>) => notices.map((notice) => [notice.recipientId, notice.kind]);

describe('who is told what', () => {
  it('tells each holder of a gate key once, with what is asked, by the policy day, and the initiative page', () => {
    const notices = noticesOf(gateRequested(2, [['sponsor', 'pmo']]), context);
    expect(told(notices)).toEqual([
      ['sam', 'gate_awaiting_key'],
      ['pat', 'gate_awaiting_key'],
    ]);
    expect(notices[1]).toMatchObject({
      about: 'i1',
      title: '“Cold-chain routing” asks for the gate to DoI 2 (Detailed)',
      asked: 'Approve or reject it with your PMO key.',
      by: '2027-03-11',
      link: '/initiatives/i1',
      valueAtStake: 400_000,
      currency: 'EUR',
    });
    expect(told(noticesOf(gateRequested(3, [['sponsor'], ['controller']]), context))).toEqual([
      ['sam', 'gate_awaiting_key'],
      ['cleo', 'gate_awaiting_key'],
    ]);
  });

  it('does not tell people of what they did themselves', () => {
    expect(noticesOf({ type: 'initiative.gate-rejected', data: { initiativeId: 'i1', targetStage: 2, rejectedBy: 'olivia', reason: 'x' } }, context)).toEqual([]);
    expect(told(noticesOf({ type: 'initiative.gate-rejected', data: { initiativeId: 'i1', targetStage: 2, rejectedBy: 'sam', reason: 'no evidence' } }, context))).toEqual([['olivia', 'gate_decided']]);
  });

  it('tells whom each escalation rung reaches: the sponsor by name, the steering committee through the PMO', () => {
    const late = { initiativeId: 'i1', milestoneId: 'm1', title: 'Pilot', dueDate: '2027-02-01' };
    const sponsor = noticesOf({ type: 'initiative.escalated', data: { ...late, level: 2, audience: 'sponsor', notify: 'sam' } }, context);
    expect(told(sponsor)).toEqual([['sam', 'escalation_reached']]);
    expect(sponsor[0].happened).toBe('Milestone “Pilot” was due 1 Feb 2027 and is still not complete; the escalation has reached you, its sponsor (rung 2 of 3).');
    expect(told(noticesOf({ type: 'initiative.escalated', data: { ...late, level: 3, audience: 'steering_committee', notify: null } }, context))).toEqual([
      ['pat', 'escalation_reached'],
      ['sam', 'escalation_reached'],
    ]);
  });

  it('tells the controller a closure waits for confirmation, and the owner how it ended', () => {
    expect(told(noticesOf({ type: 'initiative.closure-requested', data: { initiativeId: 'i1', requestedBy: 'olivia', closure: 'pending_confirmation' } }, context))).toEqual([['cleo', 'closure_awaiting_confirmation']]);
    const closed = noticesOf({ type: 'initiative.closed', data: { initiativeId: 'i1', currency: 'EUR', plannedValue: 50_000_000, confirmedValue: 41_234_550 } }, context);
    expect(told(closed)).toEqual([['olivia', 'closure_decided']]);
    expect(closed[0].happened).toBe('Finance confirmed EUR 412,345.50 realized against EUR 500,000.00 planned; the initiative is closed.');
  });

  it("tells an action's owner it is owed and reminded, and both owner and chair when it is overdue", () => {
    const action = { actionId: 'a1', orgNodeId: 'n', ownerId: 'olivia', chairId: 'lena', title: 'Add a shift', dueDate: '2027-03-15' };
    expect(noticesOf({ type: 'plans.action-opened', data: action }, context)[0]).toMatchObject({ recipientId: 'olivia', kind: 'action_owed', by: '2027-03-15', link: '/work' });
    expect(told(noticesOf({ type: 'plans.action-overdue', data: { ...action, escalatedTo: 'lena' } }, context))).toEqual([
      ['olivia', 'action_overdue'],
      ['lena', 'action_overdue'],
    ]);
  });

  it('tells the owner of an exception that a mitigation is owed, and an overdue step to its owner and the chair', () => {
    const raised = noticesOf({ type: 'plans.exception-raised', data: { exceptionId: 'e1', cycleId: 'c', orgNodeId: 'n', period: '2027-03', kind: 'demand_exceeds_capacity', subject: 'n/widgets', ownerId: 'dana' } }, context);
    expect(raised).toEqual([expect.objectContaining({ recipientId: 'dana', kind: 'mitigation_owed', title: 'A mitigation is owed for demand beyond capacity (S&OP review of Mar 2027)', link: '/nodes/n/sop' })]);
    // Named, when the service knows the subject's name: an owner may owe several of one kind.
    const named = noticesOf({ type: 'plans.exception-raised', data: { exceptionId: 'e2', cycleId: 'c', orgNodeId: 'n', period: '2027-03', kind: 'initiative_escalated', subject: 'i1', ownerId: 'sam' } }, { ...context, subjectName: 'Tender for freight' });
    expect(named[0].title).toBe('A mitigation is owed for the escalated initiative: Tender for freight (S&OP review of Mar 2027)');
    const late = { cycleId: 'c', orgNodeId: 'n', period: '2027-03', kind: 'step_overdue' as const, subject: 'demand_review', exceptionKind: null, ownerId: 'dana', escalatedTo: 'lena' };
    const overdue = noticesOf({ type: 'plans.cycle-escalated', data: late }, context);
    expect(overdue.map((notice) => [notice.recipientId, notice.kind, notice.asked])).toEqual([
      ['dana', 'sop_step_overdue', 'Complete the step in the S&OP room.'],
      ['lena', 'sop_step_overdue', 'Follow it up with dana.'],
    ]);
    expect(overdue[0].title).toBe('The demand review of the S&OP review of Mar 2027 is overdue');
    expect(told(noticesOf({ type: 'plans.cycle-escalated', data: { ...late, kind: 'mitigation_missing', subject: 'e1', exceptionKind: 'forecast_below_target', escalatedTo: 'steering_committee' } }, context))).toEqual([
      ['dana', 'mitigation_overdue'],
      ['pat', 'mitigation_overdue'],
      ['sam', 'mitigation_overdue'],
    ]);
    // A step coming due: its owner alone, asked to finish it by its day, before it is escalated.
    const due = noticesOf({ type: 'plans.cycle-step-due', data: { cycleId: 'c', orgNodeId: 'n', period: '2027-03', step: 'supply_review', ownerId: 'sue', dueAt: '2027-03-11T09:00:00.000Z' } }, context);
    expect(due).toEqual([
      expect.objectContaining({
        recipientId: 'sue',
        kind: 'sop_step_due',
        about: 'c',
        title: 'The supply review of the S&OP review of Mar 2027 is due 11 Mar 2027',
        happened: 'The supply review of the S&OP review of Mar 2027 is yours and comes due at 09:00 UTC on 11 Mar 2027.',
        asked: 'Complete the step in the S&OP room before then; past its deadline it is escalated.',
        by: '2027-03-11',
        link: '/nodes/n/sop',
      }),
    ]);
  });

  it('follows what a person chose, else the default', () => {
    expect(deliveryOf('gate_awaiting_key', {})).toBe('immediate');
    expect(deliveryOf('decision_checked', {})).toBe('digest');
    expect(deliveryOf('gate_awaiting_key', { gate_awaiting_key: 'off' })).toBe('off');
  });

  it('tries a failed delivery again after a minute, doubling, never more than six hours apart', () => {
    expect(nextAttemptAt(0, 1)).toBe(60_000);
    expect(nextAttemptAt(0, 3)).toBe(240_000);
    expect(nextAttemptAt(0, 20)).toBe(6 * 3_600_000);
  });
});

describe('what a notification was sent on', () => {
  it('is the same key from the event and from the audit entry of the same change', () => {
    expect(occasionOfEvent('initiative.gate-requested', { gateRequestId: 'g1' })).toBe(occasionOfAuditEntry('gate_requested', { gateRequestId: 'g1', targetStage: 2 }));
    expect(occasionOfEvent('initiative.escalated', { milestoneId: 'm1', level: 2 })).toBe(occasionOfAuditEntry('milestone_escalated', { milestoneId: 'm1', level: 2, audience: 'sponsor' }));
    expect(occasionOfEvent('initiative.milestone-missed', { milestoneId: 'm1' })).toBe(occasionOfAuditEntry('milestone_escalated', { milestoneId: 'm1', level: 1 }));
    expect(occasionOfEvent('initiative.stage-changed', { fromStage: 1, toStage: 2 })).toBe(occasionOfAuditEntry('stage_changed', { fromStage: 1, toStage: 2, gateRequestId: 'g1' }));
    expect(occasionOfEvent('initiative.escalated', { milestoneId: 'm1', level: 3 })).not.toBe(occasionOfAuditEntry('milestone_escalated', { milestoneId: 'm1', level: 2 }));
    expect(dayInWords('2027-02-01')).toBe('1 Feb 2027');
  });
});
