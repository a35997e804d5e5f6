import type { NoticeDelivery } from '@tollgate/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a person is told things and how: their address, each kind's delivery, and the hour of their digest. */
@Entity({ name: 'notification_setting' })
export class NotificationSetting {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'notification_setting_pkey' })
  personId!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  /** The roles the person's token carried when they last saved: who holds the PMO key is read from here. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  /** Only the kinds the person changed from the default. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  deliveries!: Partial<Record<string, NoticeDelivery>>;

  /** The hour (0 to 23, in `timeZone`) the daily digest goes out. */
  @Column({ name: 'digest_hour', type: 'smallint', default: 8 })
  digestHour!: number;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'UTC' })
  timeZone!: string;

  /** The local day (YYYY-MM-DD in `timeZone`) the last digest went out on. */
  @Column({ name: 'last_digest_on', type: 'varchar', length: 10, nullable: true })
  lastDigestOn!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
