import type { Evidence } from '@tollgate/domain';
import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An action a decision asked for, as its workflow projects it: open until done with evidence or dropped by the chair. */
@Entity({ name: 'sop_action' })
@Index('sop_action_node_status_idx', ['orgNodeId', 'status'])
@Index('sop_action_owner_status_idx', ['ownerId', 'status'])
@Index('sop_action_decision_idx', ['decisionId'])
export class SopActionRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'sop_action_pkey' })
  id!: string;

  @Column({ name: 'cycle_id', type: 'varchar', length: 300 })
  cycleId!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'char', length: 7 })
  period!: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @Column({ name: 'exception_id', type: 'uuid', nullable: true })
  exceptionId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'chair_id', type: 'varchar', length: 200 })
  chairId!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'expected_effect', type: 'text' })
  expectedEffect!: string;

  @Column({ name: 'done_when', type: 'text' })
  doneWhen!: string;

  @Column({ name: 'value_at_risk', type: 'bigint', nullable: true, transformer: bigintNumber })
  valueAtRisk!: number | null;

  /** open, done or dropped. */
  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'escalated_to', type: 'varchar', length: 200, nullable: true })
  escalatedTo!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  done!: { evidence: Evidence; by: string; at: string } | null;

  @Column({ type: 'jsonb', nullable: true })
  dropped!: { reason: string; by: string; at: string } | null;

  @Column({ type: 'integer' })
  version!: number;
}
