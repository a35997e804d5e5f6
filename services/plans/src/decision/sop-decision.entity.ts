import type { DecisionCheck, DecisionClaim } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A decision of the executive S&OP (or a scenario's promotion): who decided what, when and why, and what it did. */
@Entity({ name: 'sop_decision' })
@Index('sop_decision_cycle_idx', ['cycleId'])
@Index('sop_decision_node_idx', ['orgNodeId', 'decidedAt'])
export class SopDecisionRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'sop_decision_pkey' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'varchar', length: 300, nullable: true })
  cycleId!: string | null;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject!: string | null;

  @Column({ type: 'text' })
  rationale!: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 200 })
  decidedBy!: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'jsonb' })
  outcome!: string[];

  /** The figure it expects by a date, if it states one. */
  @Column({ type: 'jsonb', nullable: true })
  expects!: DecisionClaim | null;

  /** Whether that figure held on its day: null until checked. */
  @Column({ name: 'check_result', type: 'jsonb', nullable: true })
  checkResult!: DecisionCheck | null;
}
