import type { Evidence } from '@tollgate/domain';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One change of an initiative: who, when, why, with what evidence. Written once per revision, never changed. */
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
}
