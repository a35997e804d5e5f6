import type { LifecycleFinanceSignal, SignalDelivery } from '@tollgate/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A confirmation or rejection owed to an initiative's lifecycle, written in
 * the transaction that records it. The dispatcher delivers from these rows,
 * finance's own committed records, never from a topic anyone could write to.
 */
@Entity({ name: 'lifecycle_delivery' })
@Unique('lifecycle_delivery_record_key', ['kind', 'recordId'])
@Index('lifecycle_delivery_pending_idx', ['sequence'], { where: 'delivered_at IS NULL' })
@Index('lifecycle_delivery_initiative_pending_idx', ['initiativeId', 'sequence'], { where: 'delivered_at IS NULL' })
export class LifecycleDelivery {
  /** The order of delivery: per initiative, the order in which finance committed them. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'lifecycle_delivery_pkey' })
  sequence!: string;

  @Column({ name: 'initiative_id', type: 'varchar', length: 200 })
  initiativeId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: LifecycleFinanceSignal['kind'];

  /** The confirmation's or the rejection's id. */
  @Column({ name: 'record_id', type: 'varchar', length: 200 })
  recordId!: string;

  @Column({ type: 'jsonb' })
  signal!: LifecycleFinanceSignal;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome!: SignalDelivery | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;
}
