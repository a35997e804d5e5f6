import type { ChatFormat, NoticeDelivery, NoticeKind } from '@tollgate/domain';
import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type NotificationChannel = 'email' | ChatFormat;
/** Waiting to be sent (now, or in the next digest); sent with its receipt; dead with the reason it could not be sent; off because no channel reaches the person. */
export type NotificationStatus = 'pending' | 'sent' | 'dead' | 'unsent';

/**
 * One thing told to one person over one channel (or to a node's chat
 * channel, whose webhook is then the recipient), and its receipt. At most one
 * per event, recipient and channel: a replayed or republished event tells
 * nobody twice.
 */
@Entity({ name: 'notification' })
@Index('notification_once_idx', ['eventId', 'recipientId', 'channel'], { unique: true })
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
@Index('notification_about_idx', ['about'])
@Index('notification_due_idx', ['nextAttemptAt'], { where: `"status" = 'pending' AND "delivery" = 'immediate'` })
@Index('notification_digest_idx', ['recipientId'], { where: `"status" = 'pending' AND "delivery" = 'digest'` })
export class NotificationRecord {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_pkey' })
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 200 })
  eventId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 100 })
  eventType!: string;

  /** The change it told of, keyed as the audit trail's entry names it (`occasionOfEvent`). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  occasion!: string | null;

  @Column({ name: 'recipient_id', type: 'varchar', length: 200 })
  recipientId!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: NotificationChannel;

  @Column({ type: 'varchar', length: 40 })
  kind!: NoticeKind;

  /** The initiative, action or decision it is about. */
  @Column({ type: 'varchar', length: 200 })
  about!: string;

  @Column({ type: 'varchar', length: 400 })
  title!: string;

  @Column({ type: 'text' })
  happened!: string;

  @Column({ type: 'text', nullable: true })
  asked!: string | null;

  @Column({ name: 'due_by', type: 'varchar', length: 10, nullable: true })
  dueBy!: string | null;

  @Column({ type: 'varchar', length: 400 })
  link!: string;

  @Column({ name: 'value_at_stake', type: 'bigint', nullable: true, transformer: bigintNumber })
  valueAtStake!: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'varchar', length: 10 })
  delivery!: Exclude<NoticeDelivery, 'off'>;

  @Column({ type: 'varchar', length: 10 })
  status!: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Why the last attempt failed, or why it was dead-lettered or not sent. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The receipt: where it went, when, and what the server answered. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  address!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'message_id', type: 'varchar', length: 400, nullable: true })
  messageId!: string | null;

  @Column({ name: 'server_response', type: 'varchar', length: 400, nullable: true })
  serverResponse!: string | null;

  /** What a chat notification posts to its webhook, composed when it was recorded. */
  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
