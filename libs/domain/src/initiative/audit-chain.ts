import type { Evidence } from './evidence';

// The audit trail's hash chain, as pure rules: what an entry's seal covers,
// how a trail is sealed, and how a stored trail is checked. The digest itself
// (SHA-256) is passed in by the service, because workflows import this
// library and it must stay free of Node built-ins.

/** One change of an initiative as the audit trail records it; `at` is an ISO-8601 UTC instant. */
export interface AuditRecord {
  initiativeId: string;
  revision: number;
  action: string;
  actorId: string;
  at: string;
  reason: string | null;
  evidence: Evidence | null;
  details: Record<string, unknown>;
}

/** A record with its place in the chain: the hash of the entry before it, and its own. */
export interface SealedAuditRecord extends AuditRecord {
  previousHash: string;
  hash: string;
}

/** The last entry of a trail as the initiative remembers it: what a trail cut short no longer reaches. */
export interface AuditChainHead {
  revision: number;
  hash: string;
}

/** Hex digest of text (SHA-256 in the initiatives service). */
export type AuditDigest = (text: string) => string;

export const AUDIT_CHAIN_PROBLEMS = ['changed', 'removed', 'head_mismatch', 'unrecorded'] as const;

export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];

export interface AuditChainBreak {
  revision: number;
  problem: AuditChainProblem;
  detail: string;
}

export interface AuditChainVerdict {
  valid: boolean;
  entries: number;
  headRevision: number;
  firstInvalid: AuditChainBreak | null;
  /** Revisions that were never stored because the projection recorded them as refused: known, not removed. */
  unrecorded: number[];
}

/** What revision 1 chains to, and the head of an initiative without entries (revision 0). */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

export const EMPTY_AUDIT_CHAIN_HEAD: AuditChainHead = { revision: 0, hash: AUDIT_CHAIN_GENESIS };

/**
 * The text an entry's hash covers: its record and the previous hash, as JSON
 * with every object's keys sorted, so the same entry always reads the same
 * whatever order its fields were written or stored in (jsonb reorders keys).
 */
export function canonicalAuditRecord(record: AuditRecord, previousHash: string): string {
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

/** Seals records that follow `previous`, in revision order, each chained to the one before. */
export function sealAuditRecords(records: AuditRecord[], previous: AuditChainHead, digest: AuditDigest): SealedAuditRecord[] {
  let previousHash = previous.hash;
  return [...records]
    .sort((a, b) => a.revision - b.revision)
    .map((record) => {
      const hash = digest(canonicalAuditRecord(record, previousHash));
      const sealed = { ...record, previousHash, hash };
      previousHash = hash;
      return sealed;
    });
}

/**
 * Checks a stored trail against its seals and the initiative's head, and
 * names the first break in revision order: an entry whose content no longer
 * matches its hash, or whose hash is not the one its successor was chained to
 * (`changed`); a revision missing from the run 1, 2, 3... or after the last
 * entry up to the head (`removed`); a last entry that is not the head
 * (`head_mismatch`); and, in an otherwise intact chain, a revision the
 * projection recorded as refused (`unrecorded`): known, not removed, but a
 * hole in a record that must be complete all the same.
 */
export function verifyAuditChain(
  entries: SealedAuditRecord[],
  head: AuditChainHead,
  digest: AuditDigest,
  refusedRevisions: readonly number[] = [],
): AuditChainVerdict {
  const refused = new Set(refusedRevisions);
  const unrecorded: number[] = [];
  const verdict = (firstInvalid: AuditChainBreak | null): AuditChainVerdict => ({
    valid: firstInvalid === null,
    entries: entries.length,
    headRevision: head.revision,
    firstInvalid,
    unrecorded,
  });
  const trail = [...entries].sort((a, b) => a.revision - b.revision);
  let previous: SealedAuditRecord | null = null;
  for (const entry of trail) {
    let expected = (previous?.revision ?? 0) + 1;
    // A refused projection never stored its revision; the next entry is chained to the one before it.
    while (expected < entry.revision && refused.has(expected)) unrecorded.push(expected++);
    if (entry.revision !== expected) {
      const gap = previous ? `the trail goes from revision ${previous.revision} to ${entry.revision}` : `the trail starts at revision ${entry.revision}`;
      return verdict({ revision: expected, problem: 'removed', detail: `revision ${expected} is missing: ${gap}` });
    }
    if (digest(canonicalAuditRecord(entry, entry.previousHash)) !== entry.hash) {
      return verdict({ revision: entry.revision, problem: 'changed', detail: `revision ${entry.revision} no longer matches its hash` });
    }
    if (entry.previousHash !== (previous?.hash ?? AUDIT_CHAIN_GENESIS)) {
      // The entry is intact, so what it was chained to is what changed.
      return verdict(
        previous
          ? { revision: previous.revision, problem: 'changed', detail: `revision ${previous.revision}'s hash is not the one revision ${entry.revision} was chained to` }
          : { revision: entry.revision, problem: 'changed', detail: `revision ${entry.revision} does not start from the genesis hash` },
      );
    }
    previous = entry;
  }
  const last = previous ?? { revision: 0, hash: AUDIT_CHAIN_GENESIS };
  if (last.revision < head.revision) {
    const missing = last.revision + 1 === head.revision ? `revision ${head.revision} is` : `revisions ${last.revision + 1} to ${head.revision} are`;
    return verdict({ revision: last.revision + 1, problem: 'removed', detail: `${missing} missing: the chain head is revision ${head.revision}` });
  }
  if (last.revision > head.revision) {
    return verdict({ revision: head.revision + 1, problem: 'head_mismatch', detail: `the trail goes on to revision ${last.revision} past the chain head, revision ${head.revision}` });
  }
  if (last.hash !== head.hash) {
    return verdict({ revision: head.revision, problem: 'head_mismatch', detail: `revision ${head.revision}'s hash is not the chain head's` });
  }
  // Intact, but a record that must be complete is not: a change the workflow made is missing from it.
  if (unrecorded.length > 0) {
    const [first] = unrecorded;
    return verdict({ revision: first, problem: 'unrecorded', detail: `revision ${first} was never recorded: its projection was refused (see /api/projection-failures)` });
  }
  return verdict(null);
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
