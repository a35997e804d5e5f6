import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What finance knows of an initiative, from the initiatives service's events. */
@Entity({ name: 'ledger_initiative' })
@Index('ledger_initiative_program_idx', ['programId'])
export class LedgerInitiative {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'ledger_initiative_pkey' })
  initiativeId!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'program_id', type: 'varchar', length: 200 })
  programId!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'sponsor_id', type: 'varchar', length: 200 })
  sponsorId!: string;

  @Column({ name: 'controller_id', type: 'varchar', length: 200, nullable: true })
  controllerId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'smallint' })
  stage!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ name: 'closure_state', type: 'varchar', length: 30 })
  closureState!: string;

  @Column({ name: 'baseline_frozen', type: 'boolean' })
  baselineFrozen!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
