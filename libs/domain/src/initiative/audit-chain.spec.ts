import {
  AUDIT_CHAIN_GENESIS,
  canonicalAuditRecord,
  EMPTY_AUDIT_CHAIN_HEAD,
  sealAuditRecords,
  verifyAuditChain,
  type AuditRecord,
  type SealedAuditRecord,
} from './audit-chain';

// A stand-in for SHA-256 (FNV-1a, 32 bits): the rules only need a digest that changes with its text.
const digest = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
};

const record = (revision: number, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  initiativeId: 'i-1',
  revision,
  action: revision === 1 ? 'created' : 'gate_requested',
  actorId: 'olivia',
  at: `2027-01-0${revision}T09:00:00.000Z`,
  reason: null,
  evidence: revision === 2 ? { text: 'business case', links: ['https://wiki.example/case'] } : null,
  details: { stage: revision, measures: [{ id: 'm1', amount: 100 }] },
  ...overrides,
});

const trailOf = (count: number): SealedAuditRecord[] =>
  sealAuditRecords(Array.from({ length: count }, (_, index) => record(index + 1)), EMPTY_AUDIT_CHAIN_HEAD, digest);

const headOf = (trail: SealedAuditRecord[]) => ({ revision: trail.at(-1)!.revision, hash: trail.at(-1)!.hash });

describe('the canonical form of an audit record', () => {
  it('reads the same whatever order the fields were written or stored in', () => {
    const stored = record(3, { details: { measures: [{ amount: 100, id: 'm1' }], stage: 3 } });
    expect(canonicalAuditRecord(stored, 'p')).toBe(canonicalAuditRecord(record(3), 'p'));
    expect(canonicalAuditRecord(record(1), 'p')).toBe(
      '{"action":"created","actorId":"olivia","at":"2027-01-01T09:00:00.000Z","details":{"measures":[{"amount":100,"id":"m1"}],"stage":1},' +
        '"evidence":null,"initiativeId":"i-1","previousHash":"p","reason":null,"revision":1}',
    );
  });

  it('leaves out undefined fields as the database does, and covers the previous hash and every field', () => {
    expect(canonicalAuditRecord(record(3, { details: { stage: 3, note: undefined, measures: [{ id: 'm1', amount: 100 }] } }), 'p')).toBe(
      canonicalAuditRecord(record(3), 'p'),
    );
    const base = canonicalAuditRecord(record(2), 'p');
    expect(canonicalAuditRecord(record(2), 'q')).not.toBe(base);
    for (const change of [{ reason: 'why' }, { actorId: 'mallory' }, { at: '2027-01-02T09:00:00.001Z' }, { action: 'held' }, { evidence: null }, { details: {} }]) {
      expect(canonicalAuditRecord(record(2, change), 'p')).not.toBe(base);
    }
  });
});

describe('sealing an audit trail', () => {
  it('chains records in revision order from the genesis hash, whatever order they come in', () => {
    const sealed = sealAuditRecords([record(2), record(1), record(3)], EMPTY_AUDIT_CHAIN_HEAD, digest);
    expect(sealed.map((entry) => entry.revision)).toEqual([1, 2, 3]);
    expect(sealed[0].previousHash).toBe(AUDIT_CHAIN_GENESIS);
    expect(sealed[1].previousHash).toBe(sealed[0].hash);
    expect(sealed[2].previousHash).toBe(sealed[1].hash);
  });

  it('goes on from the entry before, so a trail sealed batch by batch is the trail sealed at once', () => {
    const first = sealAuditRecords([record(1), record(2)], EMPTY_AUDIT_CHAIN_HEAD, digest);
    const next = sealAuditRecords([record(3), record(4)], headOf(first), digest);
    expect([...first, ...next]).toEqual(trailOf(4));
  });
});

describe('verifying an audit trail', () => {
  it('finds an intact trail valid', () => {
    const trail = trailOf(4);
    expect(verifyAuditChain(trail, headOf(trail), digest)).toEqual({ valid: true, entries: 4, headRevision: 4, firstInvalid: null, unrecorded: [] });
    expect(verifyAuditChain([...trail].reverse(), headOf(trail), digest).valid).toBe(true);
    expect(verifyAuditChain([], EMPTY_AUDIT_CHAIN_HEAD, digest)).toEqual({ valid: true, entries: 0, headRevision: 0, firstInvalid: null, unrecorded: [] });
  });

  it('names an entry edited after it was written as changed', () => {
    const trail = trailOf(4);
    const edited = trail.map((entry) => (entry.revision === 2 ? { ...entry, reason: 'it was always approved' } : entry));
    expect(verifyAuditChain(edited, headOf(trail), digest)).toEqual({
      valid: false,
      entries: 4,
      headRevision: 4,
      firstInvalid: { revision: 2, problem: 'changed', detail: 'revision 2 no longer matches its hash' },
      unrecorded: [],
    });
    const relinked = trail.map((entry) => (entry.revision === 3 ? { ...entry, previousHash: AUDIT_CHAIN_GENESIS } : entry));
    expect(verifyAuditChain(relinked, headOf(trail), digest).firstInvalid).toMatchObject({ revision: 3, problem: 'changed' });
  });

  it('names an edited entry as changed even when its own hash was computed again', () => {
    const trail = trailOf(4);
    const [resealed] = sealAuditRecords([record(2, { actorId: 'mallory' })], headOf(trail.slice(0, 1)), digest);
    expect(verifyAuditChain(trail.map((entry) => (entry.revision === 2 ? resealed : entry)), headOf(trail), digest).firstInvalid).toEqual({
      revision: 2,
      problem: 'changed',
      detail: "revision 2's hash is not the one revision 3 was chained to",
    });
    const [forged] = sealAuditRecords([record(1, { actorId: 'mallory' })], { revision: 0, hash: 'f'.repeat(64) }, digest);
    expect(verifyAuditChain([forged, ...trail.slice(1)], headOf(trail), digest).firstInvalid).toEqual({
      revision: 1,
      problem: 'changed',
      detail: 'revision 1 does not start from the genesis hash',
    });
  });

  it('names a revision missing from the run as removed, the first one first', () => {
    const trail = trailOf(5);
    expect(verifyAuditChain(trail.filter((entry) => entry.revision !== 2 && entry.revision !== 4), headOf(trail), digest).firstInvalid).toEqual({
      revision: 2,
      problem: 'removed',
      detail: 'revision 2 is missing: the trail goes from revision 1 to 3',
    });
    expect(verifyAuditChain(trail.slice(1), headOf(trail), digest).firstInvalid).toEqual({
      revision: 1,
      problem: 'removed',
      detail: 'revision 1 is missing: the trail starts at revision 2',
    });
  });

  it('fails a trail with a revision the projection recorded as refused, naming it as unrecorded rather than removed', () => {
    const before = sealAuditRecords([record(1), record(2)], EMPTY_AUDIT_CHAIN_HEAD, digest);
    const after = sealAuditRecords([record(4)], headOf(before), digest);
    const trail = [...before, ...after];
    expect(verifyAuditChain(trail, headOf(after), digest, [3])).toMatchObject({
      valid: false,
      unrecorded: [3],
      firstInvalid: { revision: 3, problem: 'unrecorded', detail: 'revision 3 was never recorded: its projection was refused (see /api/projection-failures)' },
    });
    expect(verifyAuditChain(trail, headOf(after), digest).firstInvalid).toMatchObject({ revision: 3, problem: 'removed' });
    expect(verifyAuditChain(trail.filter((entry) => entry.revision !== 2), headOf(after), digest, [3]).firstInvalid).toMatchObject({ revision: 2, problem: 'removed' });
  });

  it('names entries cut from the end as removed, up to the chain head', () => {
    const trail = trailOf(4);
    expect(verifyAuditChain(trail.slice(0, 3), headOf(trail), digest)).toEqual({
      valid: false,
      entries: 3,
      headRevision: 4,
      firstInvalid: { revision: 4, problem: 'removed', detail: 'revision 4 is missing: the chain head is revision 4' },
      unrecorded: [],
    });
    expect(verifyAuditChain(trail.slice(0, 2), headOf(trail), digest).firstInvalid?.detail).toBe('revisions 3 to 4 are missing: the chain head is revision 4');
    expect(verifyAuditChain([], headOf(trail), digest).firstInvalid).toMatchObject({ revision: 1, problem: 'removed' });
  });

  it('names a last entry that is not the chain head as a head mismatch', () => {
    const trail = trailOf(4);
    expect(verifyAuditChain(trail, { revision: 4, hash: 'f'.repeat(64) }, digest).firstInvalid).toEqual({
      revision: 4,
      problem: 'head_mismatch',
      detail: "revision 4's hash is not the chain head's",
    });
    expect(verifyAuditChain(trail, headOf(trail.slice(0, 3)), digest).firstInvalid).toEqual({
      revision: 4,
      problem: 'head_mismatch',
      detail: 'the trail goes on to revision 4 past the chain head, revision 3',
    });
  });
});
