import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FROZEN_AUDIT_CHAIN_GENESIS, frozenSealAuditTrail, type FrozenAuditRecord } from './frozen/audit-chain-seal';

interface StoredEntry {
  revision: number;
  action: string;
  actor_id: string;
  at: Date;
  reason: string | null;
  evidence: FrozenAuditRecord['evidence'];
  details: Record<string, unknown>;
}

/**
 * Seals the audit entries written before the chain, as they stand now, and
 * sets each initiative's chain head. The hashes are computed here with the
 * service's canonical form as it stood then (a frozen copy, in frozen/) rather
 * than in SQL: jsonb prints keys in its own order and spacing, which no SQL
 * text would match. An initiative whose revision is past its last entry gets
 * that revision as its head, so the verification reports the missing entries
 * instead of sealing over the gap.
 */
export class AuditChainBackfill1764892800001 implements MigrationInterface {
  name = 'AuditChainBackfill1764892800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const batch: { initiative_id: string }[] = await queryRunner.query(
        `SELECT DISTINCT "initiative_id" FROM "initiatives"."audit_entry" WHERE $1::uuid IS NULL OR "initiative_id" > $1::uuid ORDER BY "initiative_id" LIMIT 500`,
        [after],
      );
      if (batch.length === 0) break;
      for (const { initiative_id } of batch) await this.seal(queryRunner, initiative_id);
      after = batch[batch.length - 1].initiative_id;
    }
    await queryRunner.query(
      `UPDATE "initiatives"."initiative" AS "initiative" SET "audit_head_revision" = GREATEST("initiative"."revision", "last"."revision"), "audit_head_hash" = "last"."hash"
       FROM (SELECT DISTINCT ON ("initiative_id") "initiative_id", "revision", "hash" FROM "initiatives"."audit_entry" ORDER BY "initiative_id", "revision" DESC) AS "last"
       WHERE "last"."initiative_id" = "initiative"."id"`,
    );
    await queryRunner.query(
      `UPDATE "initiatives"."initiative" SET "audit_head_revision" = "revision", "audit_head_hash" = $1 WHERE "audit_head_hash" IS NULL`,
      [FROZEN_AUDIT_CHAIN_GENESIS],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "initiatives"."initiative" SET "audit_head_revision" = NULL, "audit_head_hash" = NULL`);
    await queryRunner.query(`UPDATE "initiatives"."audit_entry" SET "previous_hash" = NULL, "hash" = NULL`);
  }

  private async seal(queryRunner: QueryRunner, initiativeId: string): Promise<void> {
    const stored: StoredEntry[] = await queryRunner.query(
      `SELECT "revision", "action", "actor_id", "at", "reason", "evidence", "details" FROM "initiatives"."audit_entry" WHERE "initiative_id" = $1 ORDER BY "revision"`,
      [initiativeId],
    );
    const sealed = frozenSealAuditTrail(
      stored.map((entry) => ({
        initiativeId,
        revision: entry.revision,
        action: entry.action,
        actorId: entry.actor_id,
        at: entry.at.toISOString(),
        reason: entry.reason,
        evidence: entry.evidence,
        details: entry.details,
      })),
    );
    await queryRunner.query(
      `UPDATE "initiatives"."audit_entry" AS "entry" SET "previous_hash" = "sealed"."previous_hash", "hash" = "sealed"."hash"
       FROM unnest($2::integer[], $3::text[], $4::text[]) AS "sealed"("revision", "previous_hash", "hash")
       WHERE "entry"."initiative_id" = $1 AND "entry"."revision" = "sealed"."revision"`,
      [initiativeId, sealed.map((entry) => entry.revision), sealed.map((entry) => entry.previousHash), sealed.map((entry) => entry.hash)],
    );
  }
}
