import type { NotificationView } from '@tollgate/contracts/views';
import { toldBesideAudit } from './told-beside-audit';
import { receiptWords } from './notification-words';

const notification = (id: string, eventType: string, createdAt: string, overrides: Partial<NotificationView> = {}): NotificationView => ({
  id,
  eventType,
  occasion: null,
  recipientId: 'sam',
  channel: 'email',
  kind: 'escalation_reached',
  about: 'i1',
  title: 't',
  happened: 'h',
  asked: null,
  dueBy: null,
  link: '/initiatives/i1',
  delivery: 'immediate',
  status: 'sent',
  attempts: 1,
  lastError: null,
  createdAt,
  sentAt: createdAt,
  address: null,
  messageId: null,
  ...overrides,
});

describe('who was told of each change', () => {
  it('puts each notification beside the entry of the change it told of, however close in time the changes came', () => {
    const at = '2027-03-01T09:00:00.000Z';
    const audit = [
      { revision: 3, action: 'gate_requested', at, details: { gateRequestId: 'g1', targetStage: 1 } },
      { revision: 4, action: 'stage_changed', at, details: { fromStage: 0, toStage: 1, gateRequestId: 'g1' } },
      { revision: 5, action: 'gate_requested', at, details: { gateRequestId: 'g2', targetStage: 2 } },
      { revision: 6, action: 'milestone_escalated', at, details: { milestoneId: 'm1', level: 2, audience: 'sponsor' } },
    ];
    const beside = toldBesideAudit(audit, [
      notification('a', 'initiative.gate-requested', at, { occasion: 'gate:g1:requested' }),
      notification('b', 'initiative.gate-requested', at, { occasion: 'gate:g2:requested' }),
      notification('c', 'initiative.escalated', at, { occasion: 'milestone:m1:2' }),
      notification('d', 'initiative.escalated', at, { occasion: 'milestone:m1:3' }),
      notification('e', 'plans.action-opened', at, { occasion: 'action:x:opened' }),
    ]);
    expect(Object.fromEntries([...beside].map(([revision, told]) => [revision, told.map((one) => one.id)]))).toEqual({ 3: ['a'], 5: ['b'], 6: ['c'] });
  });

  it('puts a notification asked for twice beside the request before it, and beside the first when the clocks disagree', () => {
    const audit = [
      { revision: 7, action: 'closure_requested', at: '2027-03-01T09:00:00.000Z', details: {} },
      { revision: 9, action: 'closure_requested', at: '2027-03-05T09:00:00.000Z', details: {} },
    ];
    const beside = (createdAt: string) => [...toldBesideAudit(audit, [notification('n', 'initiative.closure-requested', createdAt, { occasion: 'closure:requested' })]).keys()];
    expect(beside('2027-03-02T00:00:00.000Z')).toEqual([7]);
    expect(beside('2027-03-06T00:00:00.000Z')).toEqual([9]);
    // The engine's clock ahead of the notifier's: the receipt is still shown, beside the first request.
    expect(beside('2027-02-01T00:00:00.000Z')).toEqual([7]);
  });

  it('says how each was told, or why not', () => {
    expect(receiptWords({ status: 'sent', channel: 'email', sentAt: '2027-03-09T09:00:01.000Z', delivery: 'immediate', attempts: 1, lastError: null })).toBe('by email at 9 Mar 2027, 09:00 UTC');
    expect(receiptWords({ status: 'unsent', channel: 'email', sentAt: null, delivery: 'immediate', attempts: 0, lastError: 'no mail address for sam' })).toBe('not told: no mail address for sam');
    expect(receiptWords({ status: 'pending', channel: 'email', sentAt: null, delivery: 'immediate', attempts: 2, lastError: '451 busy' })).toBe('by email: retrying after 2 failed attempts (451 busy)');
  });
});
