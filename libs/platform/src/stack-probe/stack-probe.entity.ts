import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A stack probe this service recorded on a workflow's request, with the event it announced. */
@Entity({ name: 'stack_probe' })
export class StackProbe {
  @PrimaryColumn({ name: 'probe_id', type: 'varchar', length: 100, primaryKeyConstraintName: 'stack_probe_pkey' })
  probeId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
