import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A milestone as the calendars show it: whose it is, when it is due, whether it is done. */
@Entity({ name: 'calendar_milestone' })
@Index('calendar_milestone_owner_idx', ['ownerId'])
export class CalendarMilestone {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'calendar_milestone_pkey' })
  initiativeId!: string;

  @PrimaryColumn({ name: 'milestone_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'calendar_milestone_pkey' })
  milestoneId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ type: 'boolean', default: false })
  done!: boolean;
}

/** A person's private calendar link: the token in its address, kept only as its SHA-256, revoked by deleting the row. */
@Entity({ name: 'calendar_token' })
@Index('calendar_token_hash_idx', ['tokenHash'], { unique: true })
export class CalendarToken {
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'calendar_token_pkey' })
  personId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
