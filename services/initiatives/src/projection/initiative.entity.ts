import type { InitiativeStatus, LifecycleState, Stage } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { bigintNumber } from '@tollgate/platform';

/**
 * The projection of one initiative's lifecycle workflow: the columns people
 * filter on, and the whole lifecycle state as the workflow last reported it.
 * Only the projection activity writes it, revision by revision.
 */
@Entity({ name: 'initiative' })
@Unique('initiative_code_key', ['code'])
@Index('initiative_program_stage_idx', ['programId', 'stage'])
@Index('initiative_status_idx', ['status'])
@Index('initiative_program_title_idx', ['programId', 'titleKey'])
export class Initiative {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'initiative_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The title as the duplicate rule compares it. */
  @Column({ name: 'title_key', type: 'varchar', length: 200 })
  titleKey!: string;

  @Column({ name: 'program_id', type: 'varchar', length: 200 })
  programId!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'sponsor_id', type: 'varchar', length: 200 })
  sponsorId!: string;

  @Column({ name: 'controller_id', type: 'varchar', length: 200, nullable: true })
  controllerId!: string | null;

  @Column({ type: 'smallint' })
  stage!: Stage;

  @Column({ type: 'varchar', length: 20 })
  status!: InitiativeStatus;

  @Column({ name: 'closure_state', type: 'varchar', length: 30 })
  closureState!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'planned_value', type: 'bigint', transformer: bigintNumber })
  plannedValue!: number;

  @Column({ name: 'forecast_value', type: 'bigint', transformer: bigintNumber })
  forecastValue!: number;

  @Column({ name: 'confirmed_value', type: 'bigint', transformer: bigintNumber })
  confirmedValue!: number;

  @Column({ name: 'workflow_id', type: 'varchar', length: 250 })
  workflowId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'jsonb' })
  state!: LifecycleState;

  // The audit trail's last entry, kept apart from the trail so that entries
  // cut from its end still show: the trail must reach this revision and hash.
  @Column({ name: 'audit_head_revision', type: 'integer' })
  auditHeadRevision!: number;

  @Column({ name: 'audit_head_hash', type: 'varchar', length: 64 })
  auditHeadHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
