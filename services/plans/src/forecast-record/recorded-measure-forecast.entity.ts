import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One measure's share of an initiative's recorded forecast for a month: what each measure was expected to bring when the cycle looked. */
@Entity({ name: 'recorded_measure_forecast' })
export class RecordedMeasureForecastRecord {
  @PrimaryColumn({ name: 'cycle_id', type: 'varchar', length: 300, primaryKeyConstraintName: 'recorded_measure_forecast_pkey' })
  cycleId!: string;

  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'recorded_measure_forecast_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ type: 'char', length: 7, primaryKeyConstraintName: 'recorded_measure_forecast_pkey' })
  period!: string;

  @PrimaryColumn({ name: 'measure_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'recorded_measure_forecast_pkey' })
  measureId!: string;

  /** The measure's name when the cycle recorded it. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;
}
