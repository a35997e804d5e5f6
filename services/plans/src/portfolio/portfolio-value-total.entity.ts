import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Value per program, currency, DoI stage and period, summed over the
 * program's initiatives that are not cancelled: what a node's charts add up,
 * kept current by the projection with each event's difference, so that a
 * portfolio of any size sums a few thousand rows instead of every
 * initiative's periods. Confirmed value counts in the stage its initiative
 * stands at, in the initiative's own currency.
 */
@Entity({ name: 'portfolio_value_total' })
export class PortfolioValueTotal {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_value_total_pkey' })
  programId!: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'portfolio_value_total_pkey' })
  currency!: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'portfolio_value_total_pkey' })
  stage!: number;

  @PrimaryColumn({ type: 'varchar', length: 7, primaryKeyConstraintName: 'portfolio_value_total_pkey' })
  period!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  planned!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  confirmed!: number;
}
