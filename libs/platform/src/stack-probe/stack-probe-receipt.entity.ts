import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Another service's probe event as this service applied it. Deliberately not
 * unique per event: the inbox, not this table, is what keeps a redelivered
 * event from being applied twice.
 */
@Entity({ name: 'stack_probe_receipt' })
@Index('stack_probe_receipt_probe', ['probeId'])
export class StackProbeReceipt {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'stack_probe_receipt_pkey' })
  id!: string;

  @Column({ name: 'probe_id', type: 'varchar', length: 100 })
  probeId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'source_service', type: 'varchar', length: 50 })
  sourceService!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
