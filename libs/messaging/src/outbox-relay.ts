import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { prefixedTopic } from '@tollgate/contracts';
import type { EnvelopeSigner } from './envelope-signing';
import { OutboxMessage } from './outbox-message.entity';
import { PollingLoop } from './polling-loop';

/** The advisory lock space of outbox relays ('rely'), apart from other locks in the same database. */
const RELAY_LOCKS = 0x72656c79;

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize?: number;
  /** How long a nudge gathers further commits before the relay publishes (see PollingLoop); 0 publishes at once. */
  lingerMs?: number;
  /** Signs each message value: consumers believe only what its owner signed. */
  signer: EnvelopeSigner;
  /** Kafka topic prefix of this stack; the rows keep the contract's names. */
  topicPrefix?: string;
  /** Called with each failure; the relay keeps the rows and tries again. */
  onError?: (error: Error) => void;
}

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them
 * published. A crash between publishing and marking republishes, which the
 * consumers' inbox absorbs.
 *
 * Of several instances of a service, one relays at a time: it holds a
 * transaction-level advisory lock on its outbox while it sends a batch, and
 * the others find it taken and wait for the next poll. Sharing the rows
 * instead (SKIP LOCKED) let a second instance publish an initiative's later
 * event while the first was still sending the earlier one, so consumers saw
 * a closure requested after the initiative was closed. When the holder dies
 * its transaction ends, the lock goes with it, and another instance takes over.
 */
export class OutboxRelay {
  private producer?: Producer;
  private readonly batchSize: number;
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.loop = new PollingLoop(() => this.relayOnce(), {
      batchSize: this.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      lingerMs: options.lingerMs,
      onError: options.onError,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Publish soon: a transaction with new outbox rows has just committed. */
  nudge(): void {
    this.loop.nudge();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  /** Publishes one batch; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    const producer = await this.connectedProducer();
    return this.dataSource.transaction(async (manager) => {
      const [{ relaying }] = await manager.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS relaying', [RELAY_LOCKS, this.outboxTable()]);
      if (!relaying) return 0;
      const rows = await manager
        .createQueryBuilder(OutboxMessage, 'message')
        .where('message.published_at IS NULL')
        .orderBy('message.sequence', 'ASC')
        .limit(this.batchSize)
        .getMany();
      if (rows.length === 0) return 0;

      const byTopic = new Map<string, OutboxMessage[]>();
      for (const row of rows) {
        byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({
          topic: prefixedTopic(this.options.topicPrefix ?? '', topic),
          messages: messages.map((row) => {
            const value = Buffer.from(JSON.stringify(row.envelope));
            return {
              key: row.messageKey,
              value,
              headers: { ...row.traceContext, 'content-type': 'application/json', 'x-tollgate-event-type': row.type, ...this.options.signer.headers(value) },
            };
          }),
        })),
      });
      await manager.update(
        OutboxMessage,
        rows.map((row) => row.id),
        { publishedAt: new Date() },
      );
      return rows.length;
    });
  }

  /** The outbox's schema-qualified table: one lock per service's outbox, whichever database they share. */
  private outboxTable(): string {
    return this.dataSource.getMetadata(OutboxMessage).tablePath;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
