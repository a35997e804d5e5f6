import type { SopCycleState } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A node's S&OP cycle for one period, as its workflow last projected it. */
@Entity({ name: 'sop_cycle' })
@Index('sop_cycle_node_period_idx', ['orgNodeId', 'period'])
export class SopCycleRecord {
  /** The workflow id: `sop-cycle-<orgNodeId>-<period>`. */
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'sop_cycle_pkey' })
  id!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'char', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 30 })
  step!: string;

  @Column({ name: 'chair_id', type: 'varchar', length: 200 })
  chairId!: string;

  @Column({ name: 'started_by', type: 'varchar', length: 200 })
  startedBy!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** Only the newest version is kept: projections may be retried. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  state!: SopCycleState;
}
