import { bigintNumber } from '@tollgate/platform';
import type { SopExceptionFigures } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deviation raised at a cycle's pre-S&OP, with the mitigation it owes. */
@Entity({ name: 'sop_exception' })
@Index('sop_exception_cycle_idx', ['cycleId'])
@Index('sop_exception_node_period_idx', ['orgNodeId', 'period'])
export class SopExceptionRecord {
  /** Derived from the cycle, kind and subject: raising the same exception twice finds the first. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'sop_exception_pkey' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'varchar', length: 300 })
  cycleId!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'char', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  reference!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  actual!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  deviation!: number;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  /** awaiting_mitigation, mitigated, or escalated (its window closed without one). */
  @Column({ type: 'varchar', length: 30 })
  state!: string;

  @Column({ type: 'jsonb', nullable: true })
  mitigation!: { action: string; ownerId: string; dueDate: string; submittedBy: string; submittedAt: string } | null;

  /** What the deviation puts at risk, minor units; null for a gap in volumes or an exception raised before it was known. */
  @Column({ name: 'value_at_risk', type: 'bigint', nullable: true, transformer: bigintNumber })
  valueAtRisk!: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  figures!: SopExceptionFigures;
}
