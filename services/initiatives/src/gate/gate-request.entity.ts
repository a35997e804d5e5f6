import type { Evidence, GateApproval, GateRequestState, Stage } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every gate request an initiative ever had; the workflow keeps only the recent ones. */
@Entity({ name: 'gate_request' })
@Index('gate_request_initiative_idx', ['initiativeId', 'submittedAt'])
export class GateRequestRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'gate_request_pkey' })
  id!: string;

  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId!: string;

  @Column({ name: 'target_stage', type: 'smallint' })
  targetStage!: Stage;

  @Column({ type: 'varchar', length: 20 })
  state!: GateRequestState;

  @Column({ name: 'submitted_by', type: 'varchar', length: 200 })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ type: 'jsonb' })
  evidence!: Evidence;

  @Column({ type: 'jsonb' })
  approvals!: GateApproval[];

  @Column({ type: 'jsonb', nullable: true })
  rejection!: { by: string; at: string; reason: string } | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
