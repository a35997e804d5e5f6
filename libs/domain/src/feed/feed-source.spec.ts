import { feedKeyProblem, feedNodeProblem, feedTypeProblem, rotateFeedKeys, type FeedSource } from './feed-source';

const at = new Date('2027-03-01T12:00:00Z');
const source: FeedSource = {
  name: 'crm',
  eventTypes: ['sales.demand-actuals'],
  orgNodeIds: ['bu-1'],
  keys: [{ keyId: 'k1', secret: 's1', createdAt: '2027-01-01T00:00:00Z', retiresAt: null }],
  origin: 'registered',
};

describe('a feed source', () => {
  it('signs with a current key, and with a rotated-out key until it retires', () => {
    const keys = rotateFeedKeys(source.keys, { keyId: 'k2', secret: 's2' }, at, 86_400_000);
    const rotated = { ...source, keys };
    expect(keys.map((key) => [key.keyId, key.retiresAt])).toEqual([
      ['k1', '2027-03-02T12:00:00.000Z'],
      ['k2', null],
    ]);
    expect(feedKeyProblem(rotated, 'k1', new Date('2027-03-02T11:59:59Z'))).toBeUndefined();
    expect(feedKeyProblem(rotated, 'k1', new Date('2027-03-02T12:00:00Z'))).toMatch(/^retired key: key 'k1' of source 'crm'/);
    expect(feedKeyProblem(rotated, 'k2', new Date('2030-01-01T00:00:00Z'))).toBeUndefined();
    expect(feedKeyProblem(rotated, 'k9', at)).toBe("unknown key: source 'crm' has no key 'k9'");
  });

  it('keeps an earlier end of a retiring key through a second rotation, and drops keys already retired', () => {
    const once = rotateFeedKeys(source.keys, { keyId: 'k2', secret: 's2' }, at, 86_400_000);
    const twice = rotateFeedKeys(once, { keyId: 'k3', secret: 's3' }, new Date('2027-03-01T18:00:00Z'), 7 * 86_400_000);
    expect(twice.map((key) => [key.keyId, key.retiresAt])).toEqual([
      ['k1', '2027-03-02T12:00:00.000Z'],
      ['k2', '2027-03-08T18:00:00.000Z'],
      ['k3', null],
    ]);
    const later = rotateFeedKeys(twice, { keyId: 'k4', secret: 's4' }, new Date('2027-03-05T00:00:00Z'), 86_400_000);
    expect(later.map((key) => key.keyId)).toEqual(['k2', 'k3', 'k4']);
  });

  it('cuts a retiring key short with a later rotation of shorter overlap, and retires every earlier key at once with none', () => {
    const slow = rotateFeedKeys(source.keys, { keyId: 'k2', secret: 's2' }, at, 90 * 86_400_000);
    const cut = rotateFeedKeys(slow, { keyId: 'k3', secret: 's3' }, new Date('2027-03-02T12:00:00Z'), 3_600_000);
    expect(cut.map((key) => [key.keyId, key.retiresAt])).toEqual([
      ['k1', '2027-03-02T13:00:00.000Z'],
      ['k2', '2027-03-02T13:00:00.000Z'],
      ['k3', null],
    ]);
    const leaked = rotateFeedKeys(slow, { keyId: 'k4', secret: 's4' }, new Date('2027-03-02T12:00:00Z'), 0);
    expect(leaked.map((key) => key.keyId)).toEqual(['k4']);
    expect(feedKeyProblem({ ...source, keys: leaked }, 'k2', new Date('2027-03-02T12:00:00Z'))).toBe("unknown key: source 'crm' has no key 'k2'");
  });

  it('sends only its own event types', () => {
    expect(feedTypeProblem(source, 'sales.demand-actuals')).toBeUndefined();
    expect(feedTypeProblem(source, 'operations.capacity-plan')).toBe("out of scope: source 'crm' may not send 'operations.capacity-plan' (it may send sales.demand-actuals)");
  });

  it('speaks for its nodes and everything under them, nothing else', () => {
    expect(feedNodeProblem(source, 'program-7', ['program-7', 'bu-1', 'org'])).toBeUndefined();
    expect(feedNodeProblem(source, 'bu-1', ['bu-1', 'org'])).toBeUndefined();
    expect(feedNodeProblem(source, 'bu-2', ['bu-2', 'org'])).toBe("out of scope: source 'crm' is not registered for node bu-2");
  });
});
