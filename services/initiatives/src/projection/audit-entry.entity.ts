import type { Evidence } from '@tollgate/domain';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One change of an initiative: who, when, why, with what evidence. Written
 * once per revision, never changed; each entry is chained to the one before
 * by hash (see libs/domain audit-chain), so a change made to it afterwards shows.
 */
@Entity({ name: 'audit_entry' })
@Unique('audit_entry_initiative_revision_key', ['initiativeId', 'revision'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_entry_pkey' })
  id!: string;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 200 })
  actorId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  evidence!: Evidence | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  /** The hash of revision − 1, or the genesis hash for revision 1. */
  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash!: string;

  /** SHA-256 (hex) of the canonical record and the previous hash. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
