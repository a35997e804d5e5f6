import { EventEnvelope, EventType, parseEvent, prefixedTopic } from '@tollgate/contracts';
import { Partitioners, type Consumer, type EachMessagePayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { AppliedEvent } from './applied-event.entity';
import { publishDeadLetter } from './dead-letter-publisher';
import type { EnvelopeVerifier } from './envelope-signing';
import { permanentStorageRefusal } from './storage-refusal';
import { UnprocessableEventError } from './unprocessable-event.error';

/** What became of one message. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * How the messages of a consumer's topics prove who wrote them. An internal
 * `tollgate.*` topic carries its producer's signature, and each event is
 * believed only from the service that owns its type. An inbound topic of an
 * outside system is screened by that system's own check (its HMAC).
 */
export type MessageOrigin = { internal: EnvelopeVerifier } | { inbound: (message: KafkaMessage) => string | undefined };

export interface IdempotentConsumerOptions {
  groupId: string;
  /** Contract topic names; the prefix is added at the broker. */
  topics: readonly string[];
  /** The Kafka topic prefix of this stack (a setting); empty for the contract's names. */
  topicPrefix?: string;
  /** The event types this consumer applies; other known types on its topics are acknowledged and skipped. */
  accepts: readonly EventType[];
  /** Applies one event inside the transaction that also records it as applied. */
  apply: (event: EventEnvelope, manager: EntityManager) => Promise<void>;
  /** Internal (signed by the owner) unless an inbound check is given; the consumer host fills in the verifier. */
  origin?: MessageOrigin;
  fromBeginning?: boolean;
  /** Partitions worked on at once; order is kept within each partition (one subject's events). Default 3, the topics' partition count. */
  partitionsConsumedConcurrently?: number;
  onOutcome?: (outcome: ConsumeOutcome, detail: { topic: string; type?: string; reason?: string }) => void;
  onError?: (error: Error) => void;
}

/**
 * A Kafka consumer that applies each event once: the inbox row and the change
 * commit together, offsets are committed by hand after the transaction, and
 * what cannot be applied goes to the dead-letter topic with its reason.
 * Transient failures (database down) are retried, never skipped.
 */
export class IdempotentEventConsumer {
  private consumer?: Consumer;
  private producer?: Producer;
  private stopped = false;
  private starting?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: IdempotentConsumerOptions,
  ) {
    // Caught at start-up: a consumer that cannot tell who wrote a message must not run at all.
    if (!options.origin) throw new Error(`consumer ${options.groupId} has no way to tell who wrote its messages (origin)`);
  }

  /** Starts consuming; keeps trying in the background while Kafka is not reachable. */
  start(): void {
    this.starting ??= this.startWithRetry();
  }

  /** Resolves once the consumer has joined its group (for tests and readiness). */
  async whenRunning(): Promise<void> {
    await this.starting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        await this.connect();
        return;
      } catch (error) {
        this.options.onError?.(error as Error);
        await this.consumer?.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      }
    }
  }

  private async connect(): Promise<void> {
    this.producer ??= this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    // A member that dies without leaving (SIGKILL, a lost host) holds its partitions until its session
    // times out: 10 s rather than kafkajs's 30 s, so the others take over within the health promise.
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false, sessionTimeout: 10_000, heartbeatInterval: 3_000 });
    this.consumer = consumer;
    await consumer.connect();
    const prefix = this.options.topicPrefix ?? '';
    await consumer.subscribe({ topics: this.options.topics.map((topic) => prefixedTopic(prefix, topic)), fromBeginning: this.options.fromBeginning ?? true });
    const joined = new Promise<void>((resolve) => {
      const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: (payload) => this.consume(payload),
    });
    await joined;
  }

  private async consume({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const outcome = await this.handle(topic, partition, message);
    const logical = topic.slice((this.options.topicPrefix ?? '').length);
    this.options.onOutcome?.(outcome.outcome, { topic: logical, type: outcome.type, reason: outcome.reason });
    await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
  }

  private async handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
  ): Promise<{ outcome: ConsumeOutcome; type?: string; reason?: string }> {
    const deadLetter = async (reason: string, type?: string) => {
      await publishDeadLetter(this.producer!, { topic, partition, message, consumerGroup: this.options.groupId, reason });
      return { outcome: 'dead-lettered' as const, type, reason };
    };

    const origin = this.options.origin!;
    let signer;
    if ('inbound' in origin) {
      const refusal = origin.inbound(message);
      if (refusal) return deadLetter(refusal);
    } else {
      const signed = origin.internal.signer(message.value, message.headers);
      if (!signed.ok) return deadLetter(signed.reason);
      signer = signed.signer;
    }

    const parsed = parseEvent(message.value);
    if (!parsed.ok) return deadLetter(parsed.reason);
    const event = parsed.event;
    if (signer && 'internal' in origin) {
      const problem = origin.internal.ownershipProblem(event, signer);
      if (problem) return deadLetter(problem, event.type);
    }
    if (!this.options.accepts.includes(event.type)) {
      return { outcome: 'skipped', type: event.type };
    }

    try {
      const applied = await this.dataSource.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(AppliedEvent)
          .values({ consumerGroup: this.options.groupId, eventId: event.id })
          .orIgnore()
          .returning(['event_id'])
          .execute();
        if (inserted.raw.length === 0) return false;
        await this.options.apply(event, manager);
        return true;
      });
      return { outcome: applied ? 'applied' : 'duplicate', type: event.type };
    } catch (error) {
      if (error instanceof UnprocessableEventError) {
        return deadLetter(error.message, event.type);
      }
      const refusal = permanentStorageRefusal(error);
      if (refusal) return deadLetter(refusal, event.type);
      throw error;
    }
  }
}
