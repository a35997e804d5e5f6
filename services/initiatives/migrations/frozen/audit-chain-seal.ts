import { createHash } from 'node:crypto';

// A FROZEN COPY: NEVER EDIT THIS FILE. It is the audit chain's seal as it stood when
// AuditChainBackfill1764892800001 was written: canonicalAuditRecord and sealAuditRecords of
// libs/domain (initiative/audit-chain.ts) and auditDigest of the initiatives service
// (src/audit/audit-digest.ts). A migration is a record of what it did once; importing the live
// code would let a later change of the seal rewrite, after the fact, what this backfill hashed.
// A unit test beside the live auditDigest (frozen-audit-seal.spec.ts) checks that the live code still
// seals as this copy does, so that the day they part is a deliberate one (a new migration, not an edit here).

/** An audit entry's content as the backfill read it; `at` is an ISO-8601 UTC instant. */
export interface FrozenAuditRecord {
  initiativeId: string;
  revision: number;
  action: string;
  actorId: string;
  at: string;
  reason: string | null;
  evidence: { text: string; links: string[] } | null;
  details: Record<string, unknown>;
}

/** What revision 1 chains to, and the head of an initiative without entries. */
export const FROZEN_AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/** SHA-256 of the text, in hex. */
export function frozenAuditDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The text an entry's hash covers: its record and the previous hash, as JSON with sorted keys. */
export function frozenCanonicalAuditRecord(record: FrozenAuditRecord, previousHash: string): string {
  return canonicalJson({
    action: record.action,
    actorId: record.actorId,
    at: record.at,
    details: record.details,
    evidence: record.evidence,
    initiativeId: record.initiativeId,
    previousHash,
    reason: record.reason,
    revision: record.revision,
  });
}

/** Seals an initiative's whole trail from the genesis hash, in revision order, each entry chained to the one before. */
export function frozenSealAuditTrail(records: FrozenAuditRecord[]): { revision: number; previousHash: string; hash: string }[] {
  let previousHash = FROZEN_AUDIT_CHAIN_GENESIS;
  return [...records]
    .sort((a, b) => a.revision - b.revision)
    .map((record) => {
      const hash = frozenAuditDigest(frozenCanonicalAuditRecord(record, previousHash));
      const sealed = { revision: record.revision, previousHash, hash };
      previousHash = hash;
      return sealed;
    });
}

/** JSON with sorted keys; like JSON.stringify, it leaves out undefined fields (jsonb never stores them). */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const fields = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${fields.join(',')}}`;
}
