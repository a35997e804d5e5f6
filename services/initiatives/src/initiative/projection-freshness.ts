import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Initiative } from './initiative.entity';

/** The most initiatives whose answered revision this instance remembers; past it the oldest is forgotten. */
const REMEMBERED = 10_000;
/** How long a read waits for the projection to reach what this instance answered, before it answers what there is. */
export const FRESHNESS_WAIT_MS = 2_000;
const POLL_MS = 25;

/**
 * Read-your-writes for the commands this instance answered. A command
 * answers once its change is in the workflow's history; the projection
 * follows a few milliseconds later. This remembers, per initiative, the
 * revision the last command answered until the projection has reached it,
 * so that a read right after a command can see its effect: one initiative
 * from the workflow's own state, a list or trail once the projection has
 * caught up. Another instance's reads use `minRevision` instead.
 */
@Injectable()
export class ProjectionFreshness {
  private readonly answered = new Map<string, number>();

  constructor(@InjectRepository(Initiative) private readonly initiatives: Repository<Initiative>) {}

  /** A command answered `revision` of the initiative. */
  answeredRevision(initiativeId: string, revision: number): void {
    if (revision <= (this.answered.get(initiativeId) ?? 0)) return;
    this.answered.delete(initiativeId);
    this.answered.set(initiativeId, revision);
    if (this.answered.size > REMEMBERED) this.answered.delete(this.answered.keys().next().value!);
  }

  /** The projection holds `revision` of the initiative (or more). */
  projectedRevision(initiativeId: string, revision: number): void {
    const floor = this.answered.get(initiativeId);
    if (floor !== undefined && revision >= floor) this.answered.delete(initiativeId);
  }

  /** The revision a read of the initiative must at least show. */
  floorOf(initiativeId: string, asked = 0): number {
    return Math.max(this.answered.get(initiativeId) ?? 0, asked);
  }

  /**
   * Waits until the projection holds every revision this instance answered
   * (of `initiativeIds`, or of all); gives up after {@link FRESHNESS_WAIT_MS},
   * for a projection that is down must not hold every read.
   */
  async settle(initiativeIds?: string[]): Promise<void> {
    const deadline = Date.now() + FRESHNESS_WAIT_MS;
    for (;;) {
      const behind = (initiativeIds ?? [...this.answered.keys()]).filter((id) => this.answered.has(id));
      if (behind.length === 0 || Date.now() >= deadline) return;
            const rows = await this.initiatives.find({ select: { id: true, revision: true }, where: { id: In(behind) } });
      for (const row of rows) this.projectedRevision(row.id, row.revision);
      if (behind.every((id) => !this.answered.has(id))) return;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
