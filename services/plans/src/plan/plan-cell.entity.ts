import type { PlanLine } from '@tollgate/domain';
import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One figure of a plan: a target (family '') in minor units, or a family's demand or capacity in volumes. */
@Entity({ name: 'plan_cell' })
export class PlanCell {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid', primaryKeyConstraintName: 'plan_cell_pkey' })
  planId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'plan_cell_pkey' })
  line!: PlanLine;

  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'plan_cell_pkey' })
  family!: string;

  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'plan_cell_pkey' })
  period!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount!: number;
}
