import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An outside system registered through the admin route to send on this service's feeds. */
@Entity({ name: 'feed_source' })
export class FeedSourceRecord {
  @PrimaryColumn({ type: 'varchar', length: 100, primaryKeyConstraintName: 'feed_source_pkey' })
  name!: string;

  @Column({ name: 'event_types', type: 'jsonb' })
  eventTypes!: string[];

  @Column({ name: 'org_node_ids', type: 'jsonb' })
  orgNodeIds!: string[];

  @Column({ name: 'registered_by', type: 'varchar', length: 200 })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
