import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProjectionAcknowledgement } from '@tollgate/contracts';
import { In, Repository } from 'typeorm';
import { Initiative } from './initiative.entity';

/** The most initiatives whose answered revision this instance remembers; past it the oldest is forgotten. */
const REMEMBERED = 10_000;
/** How long a revision is remembered: far past any projection that works, so a lost one cannot hold reads for long. */
const REMEMBERED_MS = 30_000;
/** How long a read waits for the projection to reach what was answered, before it answers what there is. */
export const FRESHNESS_WAIT_MS = 2_000;
const POLL_MS = 25;

/**
 * Read-your-writes for the commands this instance answered. A command
 * answers once its change is in the workflow's history, and the projection
 * follows a few milliseconds later. This remembers, per initiative, the
 * revision the last command answered until the projection has reached it,
 * so that a read right after a command sees its effect: one initiative from
 * the workflow's own state, a list or trail once the projection has caught
 * up. Another instance's reads pass `minRevision` instead, which stays with
 * that read.
 */
@Injectable()
export class ProjectionFreshness {
  private readonly answered = new Map<string, { revision: number; at: number }>();
  /** The revision each initiative's projection is known to hold, as this instance wrote or read it; the oldest forgotten first. */
  private readonly projected = new Map<string, number>();

  constructor(@InjectRepository(Initiative) private readonly initiatives: Repository<Initiative>) {}

  /** A command answered `revision` of the initiative. */
  answeredRevision(initiativeId: string, revision: number): void {
    if (revision <= this.remembered(initiativeId)) return;
    rememberNewest(this.answered, initiativeId, { revision, at: Date.now() });
  }

  /** The projection holds `revision` of the initiative (or more). */
  projectedRevision(initiativeId: string, revision: number): void {
    if (revision >= this.remembered(initiativeId)) this.answered.delete(initiativeId);
    if (revision > (this.projected.get(initiativeId) ?? 0)) rememberNewest(this.projected, initiativeId, revision);
  }

  /**
   * What a command to the initiative's lifecycle may say is projected: the
   * highest revision this instance wrote, or read back from the table, or
   * saw refused for good (which the workflow's own projection could only
   * record as refused again). Undefined when it knows of none.
   */
  acknowledgement(initiativeId: string): ProjectionAcknowledgement | undefined {
    const projectedRevision = this.projected.get(initiativeId);
    return projectedRevision === undefined ? undefined : { projectedRevision };
  }

  /** The revision a read of the initiative must at least show. */
  floorOf(initiativeId: string, asked = 0): number {
    return Math.max(this.remembered(initiativeId), asked);
  }

  /**
   * Waits until the projection holds the revisions answered here when the
   * read began (of `initiativeIds`, or of all), and at least `asked` of the
   * initiatives named; gives up after {@link FRESHNESS_WAIT_MS}, for a
   * projection that is down must not hold every read.
   */
  async settle(initiativeIds?: string[], asked = 0): Promise<void> {
    const wanted = new Map<string, number>();
    for (const id of initiativeIds ?? [...this.answered.keys()]) {
      const floor = this.floorOf(id, asked);
      if (floor > 0) wanted.set(id, floor);
    }
    const deadline = Date.now() + FRESHNESS_WAIT_MS;
    while (wanted.size > 0 && Date.now() < deadline) {
      const rows = await this.initiatives.find({ select: { id: true, revision: true }, where: { id: In([...wanted.keys()]) } });
      for (const row of rows) {
        this.projectedRevision(row.id, row.revision);
        if (row.revision >= wanted.get(row.id)!) wanted.delete(row.id);
      }
      if (wanted.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private remembered(initiativeId: string): number {
    const entry = this.answered.get(initiativeId);
    if (!entry) return 0;
    if (Date.now() - entry.at > REMEMBERED_MS) {
      this.answered.delete(initiativeId);
      return 0;
    }
    return entry.revision;
  }
}

/** Keeps `value` as the newest entry of `memory`, forgetting the oldest past {@link REMEMBERED}. */
function rememberNewest<V>(memory: Map<string, V>, initiativeId: string, value: V): void {
  memory.delete(initiativeId);
  memory.set(initiativeId, value);
  if (memory.size > REMEMBERED) memory.delete(memory.keys().next().value!);
}
