import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@tollgate/platform';

/** Value a controller confirmed as realized; written once, whichever way it arrived. */
@Entity({ name: 'confirmation' })
@Index('confirmation_initiative_idx', ['initiativeId', 'period'])
export class Confirmation {
  @PrimaryColumn({ name: 'confirmation_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'confirmation_pkey' })
  confirmationId!: string;

  @Column({ name: 'initiative_id', type: 'varchar', length: 200 })
  initiativeId!: string;

  @Column({ type: 'char', length: 7 })
  period!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount!: number;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 500 })
  reference!: string;

  @Column({ name: 'controller_id', type: 'varchar', length: 200 })
  controllerId!: string;

  @Column({ type: 'varchar', length: 10 })
  source!: 'api' | 'erp';

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt!: Date;
}
