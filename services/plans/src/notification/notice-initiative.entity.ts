import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The initiatives as the notifications need them (who owns, sponsors and
 * controls each, its title and forecast), kept by the notifications' own
 * consumer: read in the same order as the events that ask who to tell.
 */
@Entity({ name: 'notice_initiative' })
export class NoticeInitiative {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'notice_initiative_pkey' })
  initiativeId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'sponsor_id', type: 'varchar', length: 200 })
  sponsorId!: string;

  @Column({ name: 'controller_id', type: 'varchar', length: 200, nullable: true })
  controllerId!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;
}
