import type { EventEnvelope } from '@tollgate/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change it announces, waiting
 * for the relay to publish it. Lives in the owning service's schema.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_unpublished', ['sequence'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** The event id: the consumers' idempotency key. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Publication order; Kafka keeps it per message key. */
  @Column({ type: 'bigint', generated: 'increment', unique: true })
  sequence!: string;

  @Column({ type: 'varchar', length: 249 })
  topic!: string;

  @Column({ name: 'message_key', type: 'varchar', length: 200 })
  messageKey!: string;

  @Column({ type: 'varchar', length: 200 })
  type!: string;

  @Column({ type: 'jsonb' })
  envelope!: EventEnvelope;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
