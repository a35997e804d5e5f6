import { AUDIT_CHAIN_GENESIS, canonicalAuditRecord, EMPTY_AUDIT_CHAIN_HEAD, sealAuditRecords, type AuditRecord } from '@tollgate/domain';
import { FROZEN_AUDIT_CHAIN_GENESIS, frozenAuditDigest, frozenCanonicalAuditRecord, frozenSealAuditTrail } from '../../migrations/frozen/audit-chain-seal';
import { auditDigest } from './audit-digest';

// The audit-chain backfill seals with a frozen copy of the seal (migrations/frozen/). Today the live
// seal and the copy agree: if this fails, the live seal changed, and entries the backfill sealed no
// longer verify unless that change was meant to leave them as they were.
const trail: AuditRecord[] = [
  {
    initiativeId: '0b6f3c1e-4d7a-4b8e-9c51-2f1e8a7d6c30',
    revision: 1,
    action: 'created',
    actorId: 'olivia',
    at: '2027-01-04T09:00:00.000Z',
    reason: null,
    evidence: null,
    details: { title: 'Scrap reduction, line 4', measures: [{ id: 'm1', name: 'Scrap', amount: 120000 }] },
  },
  {
    initiativeId: '0b6f3c1e-4d7a-4b8e-9c51-2f1e8a7d6c30',
    revision: 2,
    action: 'gate_requested',
    actorId: 'olivia',
    at: '2027-01-11T14:30:00.000Z',
    reason: 'business case ready',
    evidence: { text: 'business case, signed off by the plant', links: ['https://wiki.example/case-4'] },
    details: { gate: 'G1', stage: 1, note: 'naïve ✓ text', skipped: undefined },
  },
];

describe('the frozen seal of the audit-chain backfill', () => {
  it('hashes an entry as the live digest does', () => {
    for (const record of trail) {
      expect(frozenCanonicalAuditRecord(record, AUDIT_CHAIN_GENESIS)).toBe(canonicalAuditRecord(record, AUDIT_CHAIN_GENESIS));
      expect(frozenAuditDigest(frozenCanonicalAuditRecord(record, AUDIT_CHAIN_GENESIS))).toBe(auditDigest(canonicalAuditRecord(record, AUDIT_CHAIN_GENESIS)));
    }
  });

  it('seals a whole trail from the same genesis to the same hashes as the live seal', () => {
    expect(FROZEN_AUDIT_CHAIN_GENESIS).toBe(EMPTY_AUDIT_CHAIN_HEAD.hash);
    const live = sealAuditRecords([...trail].reverse(), EMPTY_AUDIT_CHAIN_HEAD, auditDigest);
    expect(frozenSealAuditTrail([...trail].reverse())).toEqual(live.map(({ revision, previousHash, hash }) => ({ revision, previousHash, hash })));
  });
});
