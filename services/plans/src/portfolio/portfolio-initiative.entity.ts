import type { WaitingGate } from '@tollgate/domain';
import { bigintNumber } from '@tollgate/platform';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An initiative as the portfolio sees it, from the initiatives service's events. */
@Entity({ name: 'portfolio_initiative' })
@Index('portfolio_initiative_program_idx', ['programId', 'stage'])
export class PortfolioInitiative {
  @PrimaryColumn({ name: 'initiative_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'portfolio_initiative_pkey' })
  initiativeId!: string;

  @Column({ name: 'program_id', type: 'varchar', length: 200 })
  programId!: string;

  @Column({ type: 'smallint' })
  stage!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** The planned value: the frozen baseline from stage 3 on. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  planned!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  forecast!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'owner_id', type: 'varchar', length: 200 })
  ownerId!: string;

  @Column({ name: 'sponsor_id', type: 'varchar', length: 200 })
  sponsorId!: string;

  /** When it reached stage 4 (Implemented); the clock of "implemented but unconfirmed". */
  @Column({ name: 'implemented_at', type: 'timestamptz', nullable: true })
  implementedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The late milestone and the rung its escalation reached, while escalated (from `initiative.escalated`). */
  @Column({ type: 'jsonb', nullable: true })
  escalation!: { milestoneId: string; title: string; dueDate: string; level: number } | null;

  /** Its gate request waiting for keys (from `initiative.gate-requested`), until a decision or a stage change ends the wait. */
  @Column({ name: 'waiting_gate', type: 'jsonb', nullable: true })
  waitingGate!: WaitingGate | null;
}
