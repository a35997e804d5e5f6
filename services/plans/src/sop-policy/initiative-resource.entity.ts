import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What an initiative needs to go on, as the portfolio pivot weighs it against a node's capacity. */
@Entity({ name: 'initiative_resource' })
export class InitiativeResource {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'initiative_resource_pkey' })
  initiativeId!: string;

  /** Minor units. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  budget!: number;

  @Column({ type: 'numeric', transformer: bigintNumber })
  fte!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
