import { isUUID } from 'class-validator';
import { verifyAuditChain, type AuditChainVerdict } from '@tollgate/domain';
import type { DataSource } from 'typeorm';
import { Initiative } from '../projection/initiative.entity';
import { ProjectionFailure } from '../projection-failure/projection-failure.entity';
import { AuditEntry } from '../projection/audit-entry.entity';
import { auditDigest } from '../projection/audit-digest';
import { auditRecordOf } from '../projection/audit-record';

/** The verdict on one initiative's stored audit trail. */
export interface AuditChainVerification extends AuditChainVerdict {
  initiativeId: string;
}

/** Checks an initiative's audit trail as stored against its hashes and the head on the initiative; null for an unknown initiative. */
export async function verifyStoredAuditChain(dataSource: DataSource, initiativeId: string): Promise<AuditChainVerification | null> {
  // Not a uuid is an unknown initiative, as on every initiative route, rather than a database error.
  if (!isUUID(initiativeId, 'loose')) return null;
  // One snapshot: a projection committing between reading the head and the
  // entries would otherwise look like a trail that does not reach its head.
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const initiative = await manager.findOne(Initiative, {
      select: { id: true, auditHeadRevision: true, auditHeadHash: true },
      where: { id: initiativeId },
    });
    if (!initiative) return null;
    const entries = await manager.find(AuditEntry, { where: { initiativeId }, order: { revision: 'ASC' } });
    const sealed = entries.map((entry) => ({ ...auditRecordOf(entry), previousHash: entry.previousHash, hash: entry.hash }));
    const head = { revision: initiative.auditHeadRevision, hash: initiative.auditHeadHash };
    const failures = await manager.find(ProjectionFailure, { select: { firstRevision: true, lastRevision: true }, where: { initiativeId } });
    const refused = failures.flatMap((failure) => Array.from({ length: failure.lastRevision - failure.firstRevision + 1 }, (_, index) => failure.firstRevision + index));
    return { initiativeId, ...verifyAuditChain(sealed, head, auditDigest, refused) };
  });
}
