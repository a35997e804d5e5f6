import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A node's own S&OP policy; nodes without one follow their nearest ancestor's, else the settings. */
@Entity({ name: 'sop_policy' })
export class NodeSopPolicy {
  @PrimaryColumn({ name: 'org_node_id', type: 'uuid', primaryKeyConstraintName: 'sop_policy_pkey' })
  orgNodeId!: string;

  /** Who owes mitigations for the node's plan exceptions. */
  @Column({ name: 'owner_id', type: 'varchar', length: 200, nullable: true })
  ownerId!: string | null;

  @Column({ name: 'value_threshold_absolute', type: 'bigint', transformer: bigintNumber })
  valueThresholdAbsolute!: number;

  // numeric arrives as a string like bigint does: the same transformer reads both.
  @Column({ name: 'value_threshold_percent', type: 'numeric', transformer: bigintNumber })
  valueThresholdPercent!: number;

  @Column({ name: 'volume_threshold_absolute', type: 'bigint', transformer: bigintNumber })
  volumeThresholdAbsolute!: number;

  @Column({ name: 'volume_threshold_percent', type: 'numeric', transformer: bigintNumber })
  volumeThresholdPercent!: number;

  @Column({ name: 'pivot_budget', type: 'bigint', nullable: true, transformer: bigintNumber })
  pivotBudget!: number | null;

  @Column({ name: 'pivot_fte', type: 'numeric', nullable: true, transformer: bigintNumber })
  pivotFte!: number | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
