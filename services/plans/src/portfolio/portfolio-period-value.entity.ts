import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An initiative's planned and forecast value in one period, summed over its measures; rewritten from each event that carries them. */
@Entity({ name: 'portfolio_period_value' })
export class PortfolioPeriodValue {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_period_value_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'portfolio_period_value_pkey' })
  period!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  planned!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;
}
