import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One HMAC key of a registered feed source; a rotated-out key keeps working until it retires. */
@Entity({ name: 'feed_source_key' })
export class FeedSourceKeyRecord {
  @PrimaryColumn({ name: 'source_name', type: 'varchar', length: 100, primaryKeyConstraintName: 'feed_source_key_pkey' })
  sourceName!: string;

  @PrimaryColumn({ name: 'key_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'feed_source_key_pkey' })
  keyId!: string;

  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'retires_at', type: 'timestamptz', nullable: true })
  retiresAt!: Date | null;
}
