import type { AuditRecord } from '@tollgate/domain';
import type { AuditEntry } from './audit-entry.entity';

/** A stored audit entry in the domain's words: what the trail shows and what its hash covers. */
export function auditRecordOf(entry: AuditEntry): AuditRecord {
  return {
    initiativeId: entry.initiativeId,
    revision: entry.revision,
    action: entry.action,
    actorId: entry.actorId,
    at: entry.at.toISOString(),
    reason: entry.reason,
    evidence: entry.evidence,
    details: entry.details,
  };
}
