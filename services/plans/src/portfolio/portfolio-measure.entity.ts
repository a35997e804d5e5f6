import type { PeriodAmount } from '@tollgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One measure of an initiative with its forecast per period, as the latest
 * event that carries it says: what a cycle records of each measure, since the
 * live forecast is overwritten at each change.
 */
@Entity({ name: 'portfolio_measure' })
export class PortfolioMeasure {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_measure_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ name: 'measure_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_measure_pkey' })
  measureId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'forecast_values', type: 'jsonb' })
  forecastValues!: PeriodAmount[];
}
