import type { EventEnvelope } from '@tollgate/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * An event written in the same transaction as the change it announces, waiting
 * for the relay to publish it. Lives in the owning service's schema.
 */
@Entity({ name: 'outbox_message' })
@Unique('outbox_message_sequence_key', ['sequence'])
@Index('outbox_message_unpublished', ['sequence'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** The event id: the consumers' idempotency key. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'outbox_message_pkey' })
  id!: string;

  /** Publication order; Kafka keeps it per message key. */
  @Column({ type: 'bigint', generated: 'increment' })
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

  /**
   * The W3C trace context (`traceparent`, `tracestate`) of the change that
   * wrote the event, sent on as Kafka headers: the consumer's work joins its
   * trace. Null for an event written outside any trace.
   */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext!: Record<string, string> | null;
}
