import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@tollgate/platform';

/** Planned (the baseline from stage 3 on) and forecast value of one measure in one period. */
@Entity({ name: 'measure_value' })
export class MeasureValue {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'measure_value_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ name: 'measure_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'measure_value_pkey' })
  measureId!: string;

  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'measure_value_pkey' })
  period!: string;

  @Column({ name: 'measure_name', type: 'varchar', length: 200 })
  measureName!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  planned!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;
}
