import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { SignalDelivery } from '@tollgate/contracts';
import { PollingLoop } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { FinanceConfig } from '../config/finance.config';
import { LifecycleDelivery } from './lifecycle-delivery.entity';
import { LifecycleSignaller } from './lifecycle-signaller.service';

const BATCH_SIZE = 500;
/** Initiatives signalled at once; one initiative's deliveries go one after the other, in order. */
const CONCURRENCY = 32;
// The advisory lock space of deliveries: the first key of pg_try_advisory_xact_lock(int, int).
const LOCK_SPACE = 0x7467_6431;

/** A delivery made in this round, marked with the others at its end. */
interface Settled {
  sequence: string;
  outcome: SignalDelivery;
  at: Date;
}

function backoffMs(attempts: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(attempts, 6));
}

/**
 * Delivers every committed confirmation and rejection to its initiative's
 * lifecycle, at least once and in order per initiative, with the Temporal
 * client. While Temporal or the worker is away it backs off and tries again.
 * Several finance instances share the work: an instance holds an advisory
 * lock on each initiative it delivers for until it has recorded the outcome,
 * and the others pass over that initiative, so none is delivered twice at
 * once or out of order. The lifecycle counts each confirmation once.
 */
@Injectable()
export class LifecycleDeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LifecycleDeliveryDispatcher.name);
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signaller: LifecycleSignaller,
    @Inject(SERVICE_CONFIG) config: FinanceConfig,
  ) {
    this.loop = new PollingLoop(() => this.deliverOnce(), {
      batchSize: BATCH_SIZE,
      pollIntervalMs: config.kafka.outboxPollMs,
      onError: (error) => this.logger.warn(`delivering to the lifecycles: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Deliver soon: a transaction with new deliveries has just committed. */
  nudge(): void {
    this.loop.nudge();
  }

  /** Delivers one batch; returns how many deliveries it settled (delivered or ended). */
  async deliverOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: LifecycleDelivery[] = await manager
        .createQueryBuilder(LifecycleDelivery, 'delivery')
        .where('delivery.delivered_at IS NULL')
        .andWhere('delivery.next_attempt_at <= now()')
        // Behind an earlier delivery of its initiative that is backing off, a later one waits: the order holds
        // even for what was recorded after the failure.
        .andWhere(
          `NOT EXISTS (SELECT 1 FROM ${this.dataSource.getMetadata(LifecycleDelivery).tablePath} earlier
                        WHERE earlier.initiative_id = delivery.initiative_id AND earlier.delivered_at IS NULL AND earlier.sequence < delivery.sequence
                          AND earlier.next_attempt_at > now())`,
        )
        .andWhere('pg_try_advisory_xact_lock(:space, hashtext(delivery.initiative_id))', { space: LOCK_SPACE })
        .orderBy('delivery.sequence', 'ASC')
        .limit(BATCH_SIZE)
        // FOR UPDATE re-reads a row another instance delivered and committed after this statement's
        // snapshot was taken, and drops it, so that a delivery is not made twice in a row.
        .setLock('pessimistic_write')
        .getMany();
      if (due.length === 0) return 0;
      const byInitiative = new Map<string, LifecycleDelivery[]>();
      for (const delivery of due) byInitiative.set(delivery.initiativeId, [...(byInitiative.get(delivery.initiativeId) ?? []), delivery]);
      const queues = [...byInitiative.values()];
      const settled: Settled[] = [];
      const workers = Array.from({ length: Math.min(CONCURRENCY, queues.length) }, async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) settled.push(...(await this.deliverInOrder(manager, queue)));
      });
      // Every lane ends before the transaction does, even when one fails: its locks keep the other instances
      // away from initiatives still being signalled.
      const lanes = await Promise.allSettled(workers);
      const failed = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
      if (failed) throw failed.reason;
      // One statement marks the whole batch, still under the locks that kept the others away.
      if (settled.length > 0) {
        await manager.query(
          `UPDATE ${manager.getRepository(LifecycleDelivery).metadata.tablePath} AS delivery
              SET delivered_at = settled.at, outcome = settled.outcome, attempts = delivery.attempts + 1, last_error = NULL
             FROM unnest($1::bigint[], $2::varchar[], $3::timestamptz[]) AS settled(sequence, outcome, at)
            WHERE delivery.sequence = settled.sequence`,
          [settled.map((one) => one.sequence), settled.map((one) => one.outcome), settled.map((one) => one.at)],
        );
      }
      return settled.length;
    });
  }

  private async deliverInOrder(manager: EntityManager, deliveries: LifecycleDelivery[]): Promise<Settled[]> {
    const settled: Settled[] = [];
    for (const delivery of deliveries) {
      try {
        settled.push({ sequence: delivery.sequence, outcome: await this.signaller.signal(delivery.signal), at: new Date() });
      } catch (error) {
        // What comes after it for this initiative waits too, so the order holds.
        await manager
          .createQueryBuilder()
          .update(LifecycleDelivery)
          .set({
            attempts: () => 'attempts + 1',
            nextAttemptAt: new Date(Date.now() + backoffMs(delivery.attempts)),
            lastError: String((error as Error).message ?? error).slice(0, 1000),
          })
          .where('initiative_id = :initiativeId AND delivered_at IS NULL AND NOT (sequence = ANY(:settled))', {
            initiativeId: delivery.initiativeId,
            settled: settled.map((one) => one.sequence),
          })
          .execute();
        this.logger.warn(`delivery to initiative ${delivery.initiativeId} failed, retrying: ${(error as Error).message}`);
        return settled;
      }
    }
    return settled;
  }
}
