import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The inbox: one row per event a consumer group applied, written in the same
 * transaction as the change, so a redelivered event changes nothing.
 */
@Entity({ name: 'applied_event' })
export class AppliedEvent {
  @PrimaryColumn({ name: 'consumer_group', type: 'varchar', length: 200, primaryKeyConstraintName: 'applied_event_pkey' })
  consumerGroup!: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'applied_event_pkey' })
  eventId!: string;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt!: Date;
}
