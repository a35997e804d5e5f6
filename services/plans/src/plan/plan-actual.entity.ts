import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Demand as it happened for a node's product family in a period, as last posted. */
@Entity({ name: 'plan_actual' })
export class PlanActual {
  @PrimaryColumn({ name: 'org_node_id', type: 'uuid', primaryKeyConstraintName: 'plan_actual_pkey' })
  orgNodeId!: string;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'plan_actual_pkey' })
  family!: string;

  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'plan_actual_pkey' })
  period!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  volume!: number;

  @Column({ name: 'posted_by', type: 'varchar', length: 200 })
  postedBy!: string;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt!: Date;
}
