import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a node runs its S&OP cycles: who owns each step, how long each may take, and when the month's cycle starts. */
@Entity({ name: 'sop_cycle_setup' })
export class SopCycleSetup {
  @PrimaryColumn({ name: 'org_node_id', type: 'uuid', primaryKeyConstraintName: 'sop_cycle_setup_pkey' })
  orgNodeId!: string;

  /** Owner per step, data_gathering to executive_sop (whose owner chairs). */
  @Column({ type: 'jsonb' })
  owners!: Record<string, string>;

  /** ISO-8601 duration per step. */
  @Column({ type: 'jsonb' })
  durations!: Record<string, string>;

  @Column({ name: 'mitigation_window', type: 'varchar', length: 40 })
  mitigationWindow!: string;

  /** Day of the month (1 to 28) and UTC hour the scheduled cycle starts; null: started on demand only. */
  @Column({ name: 'schedule_day', type: 'smallint', nullable: true })
  scheduleDay!: number | null;

  @Column({ name: 'schedule_hour', type: 'smallint', nullable: true })
  scheduleHour!: number | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 200 })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
