import type { PlanKind } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A node's plan: its one plan of record, a what-if scenario, or a record a promotion superseded. */
@Entity({ name: 'plan' })
@Index('plan_org_node_idx', ['orgNodeId'])
// The database, not only the code, keeps a node to one plan of record.
@Index('plan_record_per_node_key', ['orgNodeId'], { unique: true, where: `"kind" = 'record'` })
export class Plan {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'plan_pkey' })
  id!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: PlanKind;

  /** The plan of record a scenario was copied from. */
  @Column({ name: 'based_on_plan_id', type: 'uuid', nullable: true })
  basedOnPlanId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'promoted_by', type: 'varchar', length: 200, nullable: true })
  promotedBy!: string | null;

  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt!: Date | null;

  @Column({ name: 'promotion_rationale', type: 'text', nullable: true })
  promotionRationale!: string | null;
}
