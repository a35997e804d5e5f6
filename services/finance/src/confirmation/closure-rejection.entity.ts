import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A controller's refusal to confirm a pending closure, with the reason. */
@Entity({ name: 'closure_rejection' })
export class ClosureRejection {
  @PrimaryColumn({ name: 'rejection_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'closure_rejection_pkey' })
  rejectionId!: string;

  @Column({ name: 'initiative_id', type: 'varchar', length: 200 })
  initiativeId!: string;

  @Column({ name: 'controller_id', type: 'varchar', length: 200 })
  controllerId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'rejected_at', type: 'timestamptz' })
  rejectedAt!: Date;
}
