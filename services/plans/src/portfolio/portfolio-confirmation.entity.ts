import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Value confirmed by finance, kept apart from the plan: execution progress is never mistaken for value realized. */
@Entity({ name: 'portfolio_confirmation' })
@Index('portfolio_confirmation_initiative_idx', ['initiativeId'])
export class PortfolioConfirmation {
  @PrimaryColumn({ name: 'confirmation_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_confirmation_pkey' })
  confirmationId!: string;

  @Column({ name: 'initiative_id', type: 'varchar', length: 200 })
  initiativeId!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The period the value was confirmed for; null on rows kept before periods were (a replay fills them). */
  @Column({ type: 'varchar', length: 7, nullable: true })
  period!: string | null;
}
