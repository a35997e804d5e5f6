import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A lifecycle change the projection could not store, recorded instead of
 * retried forever: the workflow goes on, the initiative keeps taking
 * commands, and operators see what is missing and why.
 */
@Entity({ name: 'projection_failure' })
@Unique('projection_failure_revision_key', ['initiativeId', 'firstRevision'])
export class ProjectionFailure {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'projection_failure_pkey' })
  id!: string;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId!: string;

  @Column({ name: 'first_revision', type: 'integer' })
  firstRevision!: number;

  @Column({ name: 'last_revision', type: 'integer' })
  lastRevision!: number;

  /** The changes' actions, in revision order. */
  @Column({ type: 'varchar', length: 500 })
  actions!: string;

  @Column({ type: 'varchar', length: 2000 })
  reason!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 250 })
  workflowId!: string;

  @Column({ name: 'failed_at', type: 'timestamptz' })
  failedAt!: Date;
}
