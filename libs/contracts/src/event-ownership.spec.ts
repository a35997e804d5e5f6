import { validateEvent } from './event-envelope';
import { eventOwner } from './event-ownership';

function event(type: string, data: unknown) {
  const parsed = validateEvent({ id: 'e-1', type, source: 'tollgate/x', subject: 's-1', time: '2027-03-01T00:00:00Z', schemaVersion: 1, data });
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

describe('who owns an event', () => {
  it('is the service of its family; a stack probe belongs to the service that recorded it', () => {
    expect(eventOwner(event('plans.org-node-created', { nodeId: 'n', name: 'Ops', kind: 'program', parentId: null }))).toBe('plans');
    expect(eventOwner(event('finance.confirmation-rejected', { rejectionId: 'r', initiativeId: 'i', controllerId: 'c', reason: 'no', rejectedAt: '2027-03-01T00:00:00Z' }))).toBe('finance');
    expect(eventOwner(event('stack.probe-recorded', { probeId: 'p', service: 'initiatives', recordedAt: '2027-03-01T00:00:00Z' }))).toBe('initiatives');
  });

  it('is nobody inside Tollgate for a feed event, which only a registered source sends', () => {
    expect(eventOwner(event('sales.demand-actuals', { orgNodeId: 'n', demand: [{ family: 'e-bikes', period: '2027-03', volume: 5 }] }))).toBeUndefined();
  });
});
