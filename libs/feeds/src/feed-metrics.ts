import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ConsumeOutcome } from '@tollgate/messaging';
import { Kafka, type Admin } from 'kafkajs';
import { Counter, Gauge, Registry } from 'prom-client';

// The reasons a feed message is dead-lettered, as a label: the start of its reason, in a closed set.
const REASONS = ['bad signature', 'unregistered source', 'out of scope', 'wrong source', 'invalid envelope', 'invalid data', 'unknown event type', 'unknown node', 'unknown scenario', 'unknown initiative', 'value is not JSON', 'empty message value', 'unstorable text'];

/** The label of a dead-letter reason: one of a few kinds, so that the series stay few. */
export function deadLetterKind(reason: string | undefined): string {
  const lower = (reason ?? '').toLowerCase();
  const kind = REASONS.find((candidate) => lower.startsWith(candidate));
  return kind ? kind.replace(/ /g, '_') : 'refused';
}

interface WatchedFeed {
  feed: string;
  topic: string;
  groupId: string;
}

/**
 * What operators watch of each feed: its messages by outcome, its dead
 * letters by kind of reason, and its lag (messages on the topic that the
 * feed's consumer group has not committed), read from Kafka at each scrape.
 */
@Injectable()
export class FeedMetrics implements OnModuleDestroy {
  private readonly messages: Counter<'feed' | 'outcome'>;
  private readonly deadLetters: Counter<'feed' | 'reason'>;
  private readonly watched: WatchedFeed[] = [];
  private admin?: Promise<Admin>;

  constructor(
    registry: Registry,
    private readonly kafka: Kafka,
  ) {
    this.messages = new Counter({ name: 'tollgate_feed_messages_total', help: 'Feed messages by feed and outcome (applied, duplicate, dead-lettered, skipped)', labelNames: ['feed', 'outcome'], registers: [registry] });
    this.deadLetters = new Counter({
      name: 'tollgate_feed_dead_letters_total',
      help: 'Feed messages sent to the dead-letter topic, by feed and kind of reason (bad_signature, unregistered_source, out_of_scope, invalid_data, unknown_node, ...)',
      labelNames: ['feed', 'reason'],
      registers: [registry],
    });
    const watched = this.watched;
    const lagOf = (feed: WatchedFeed) => this.lag(feed);
    new Gauge({
      name: 'tollgate_feed_lag_messages',
      help: "Messages on each feed's topic that its consumer group has not yet committed",
      labelNames: ['feed'],
      registers: [registry],
      async collect() {
        for (const feed of watched) {
          const lag = await lagOf(feed).catch(() => undefined);
          // Kafka out of reach: no figure rather than a wrong one.
          if (lag !== undefined) this.set({ feed: feed.feed }, lag);
        }
      },
    });
  }

  watch(feed: WatchedFeed): void {
    this.watched.push(feed);
    for (const outcome of ['applied', 'duplicate', 'dead-lettered']) this.messages.inc({ feed: feed.feed, outcome }, 0);
  }

  counted(feed: string, outcome: ConsumeOutcome, reason: string | undefined): void {
    this.messages.inc({ feed, outcome });
    if (outcome === 'dead-lettered') this.deadLetters.inc({ feed, reason: deadLetterKind(reason) });
  }

  async onModuleDestroy(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }

  private async lag({ topic, groupId }: WatchedFeed): Promise<number> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    const admin = await this.admin.catch((error) => {
      this.admin = undefined;
      throw error;
    });
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    let lag = 0;
    for (const end of ends) {
      const done = committed?.partitions.find((partition) => partition.partition === end.partition)?.offset;
      // A group that never committed on a partition has all of it still to read.
      const from = done === undefined || done === '-1' ? BigInt(end.low) : BigInt(done);
      lag += Number(BigInt(end.high) - from);
    }
    return lag;
  }
}
