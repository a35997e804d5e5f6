import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { EventEnvelope, EventType, parseEvent, prefixedTopic, SERVICE_EVENT_TOPICS } from '@tollgate/contracts';
import { contextFromHeaders, inSpan } from '@tollgate/observability';
import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppliedEvent } from './applied-event.entity';
import { publishDeadLetter } from './dead-letter-publisher';
import { headerText, type EnvelopeVerifier } from './envelope-signing';
import { permanentStorageRefusal } from './storage-refusal';
import { UnprocessableEventError } from './unprocessable-event.error';
import { createHash } from 'node:crypto';

/** What became of one message. */
export type ConsumeOutcome = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * How the messages of a consumer's topics prove who wrote them. An internal
 * `tollgate.*` topic carries its producer's signature, and each event is
 * believed only from the service that owns its type. An inbound topic of an
 * outside system is screened by that system's own check (its HMAC).
 */
export type MessageOrigin =
  | { internal: EnvelopeVerifier }
  | {
      /** Why the message's bytes are not to be believed (its signature), before they are parsed. */
      inbound: (message: KafkaMessage) => string | undefined | Promise<string | undefined>;
      /** Why a parsed event is not to be believed from whoever signed it (its scope), if it is not. */
      believe?: (event: EventEnvelope, message: KafkaMessage) => string | undefined;
    };

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
  /**
   * Applies the new events of a batch, in their order, inside one transaction
   * that also records them as applied; answers why each refused event was
   * refused, by event id. The refused go to the dead-letter topic and the rest
   * commit. Without it, each event has a transaction of its own (`apply`),
   * which is also the way back when a batch fails for a reason that names no
   * event (the database refusing a value).
   */
  applyBatch?: (events: readonly EventEnvelope[], manager: EntityManager) => Promise<ReadonlyMap<string, string>>;
  /** Messages applied in one transaction at most; offsets are committed after each. Default 500. */
  maxBatchMessages?: number;
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
 * what cannot be applied goes to the dead-letter topic with its reason while
 * the rest of its batch is applied. Transient failures (database down) are
 * retried, never skipped: kafkajs reads the unresolved rest of the batch again.
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
      // Offsets are resolved by hand, after the transaction that applied them commits.
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
    await joined;
  }

  private async consumeBatch({ batch, resolveOffset, heartbeat, isRunning }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const size = this.options.maxBatchMessages ?? 500;
    const logical = topic.slice((this.options.topicPrefix ?? '').length);
    // Only after the commit of what they did: a crash before reads them again, and the inbox makes that change nothing.
    const settle = async (messages: readonly KafkaMessage[], outcomes: readonly MessageOutcome[]) => {
      for (const outcome of outcomes) this.options.onOutcome?.(outcome.outcome, { topic: logical, type: outcome.type, reason: outcome.reason });
      const last = messages[messages.length - 1].offset;
      await this.consumer!.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
      resolveOffset(last);
      // Throws once a rebalance has taken the partition: what is not settled is read again by whoever has it.
      await heartbeat();
    };
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning()) return;
      await this.handleMessages(topic, partition, batch.messages.slice(start, start + size), settle);
    }
  }

  private async handleMessages(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    settle: (messages: readonly KafkaMessage[], outcomes: readonly MessageOutcome[]) => Promise<void>,
  ): Promise<void> {
    const screened = await Promise.all(messages.map((message) => this.screen(message, topic)));
    if (this.options.applyBatch) {
      let applied: Map<KafkaMessage, MessageOutcome> | undefined;
      try {
        applied = await this.applyInOneTransaction(messages, screened);
      } catch (error) {
        // Which event the database refused is not known: each goes on its own, so only that one is dead-lettered.
        if (!(error instanceof UnprocessableEventError) && !permanentStorageRefusal(error)) throw error;
      }
      if (applied) {
        const outcomes: MessageOutcome[] = [];
        // A failure among these reads the whole batch again: what was applied is a duplicate then, and a
        // dead letter may be sent twice (its headers name the message it copies).
        for (const [index, message] of messages.entries()) {
          const verdict = screened[index];
          const outcome = verdict.kind === 'apply' ? applied.get(message)! : verdict.outcome;
          outcomes.push(outcome.outcome === 'dead-lettered' ? await this.deadLetter(topic, partition, message, outcome) : outcome);
        }
        await settle(messages, outcomes);
        return;
      }
    }
    // One at a time, each settled before the next: a failure half-way reads again only what was not settled.
    for (const [index, message] of messages.entries()) {
      const verdict = screened[index];
      const outcome = verdict.kind === 'apply' ? await this.applyAlone(verdict.event, message) : verdict.outcome;
      await settle([message], [outcome.outcome === 'dead-lettered' ? await this.deadLetter(topic, partition, message, outcome) : outcome]);
    }
  }

  /** Who wrote it and what it is, before any database work: what fails here is dead-lettered or skipped. */
  private async screen(message: KafkaMessage, topic: string): Promise<Screened> {
    const refuse = (reason: string, type?: string): Screened => ({ kind: 'settled', outcome: { outcome: 'dead-lettered', type, reason } });
    const origin = this.options.origin!;
    let signer;
    if ('inbound' in origin) {
      const refusal = await origin.inbound(message);
      if (refusal) return refuse(refusal);
    } else {
      const signed = origin.internal.signer(message.value, message.headers);
      if (!signed.ok) return refuse(signed.reason);
      signer = signed.signer;
    }

    const parsed = parseEvent(message.value);
    if (!parsed.ok) return refuse(parsed.reason);
    const event = parsed.event;
    if (signer && 'internal' in origin) {
      const problem = origin.internal.ownershipProblem(event, signer);
      if (problem) return refuse(problem, event.type);
      // Each service's events travel on its own topic: a genuine one copied onto another is a replay, not news.
      const home = SERVICE_EVENT_TOPICS[signer];
      if (topic !== prefixedTopic(this.options.topicPrefix ?? '', home)) return refuse(`wrong topic: '${event.type}' travels on ${home}`, event.type);
    }
    if ('inbound' in origin && origin.believe) {
      const problem = origin.believe(event, message);
      if (problem) return refuse(problem, event.type);
    }
    if (!this.options.accepts.includes(event.type)) return { kind: 'settled', outcome: { outcome: 'skipped', type: event.type } };
    return { kind: 'apply', event };
  }

  private async applyInOneTransaction(messages: KafkaMessage[], screened: Screened[]): Promise<Map<KafkaMessage, MessageOutcome>> {
    const candidates = messages.flatMap((message, index) => {
      const verdict = screened[index];
      return verdict.kind === 'apply' ? [{ message, event: verdict.event }] : [];
    });
    if (candidates.length === 0) return new Map();
    // One span for the batch's one transaction, linked to the trace of each event in it.
    const traced = { parent: ROOT_CONTEXT, kind: SpanKind.CONSUMER, attributes: this.spanAttributes(), links: candidates.map(({ message }) => contextFromHeaders(traceHeadersOf(message))) };
    const { toApply, refused } = await inSpan(`${this.options.groupId} apply batch`, traced, () => this.dataSource.transaction(async (manager) => {
      const fresh = await this.recordAsApplied(manager, [...new Set(candidates.map(({ event }) => this.inboxKey(event)))]);
      // The first copy of an event is applied; a copy later in the same batch is a duplicate like any redelivery.
      const firstCopies = candidates.filter(({ event }) => fresh.delete(this.inboxKey(event)));
      const refusals = await this.options.applyBatch!(firstCopies.map(({ event }) => event), manager);
      if (refusals.size > 0) {
        // A refused event is not applied: its inbox row goes, so that a corrected resend of it is applied.
        const refusedKeys = firstCopies.filter(({ event }) => refusals.has(event.id)).map(({ event }) => this.inboxKey(event));
        await manager.delete(AppliedEvent, { consumerGroup: this.options.groupId, eventId: In(refusedKeys) });
      }
      return { toApply: firstCopies, refused: refusals };
    }));
    const outcomes = new Map<KafkaMessage, MessageOutcome>(
      toApply.map(({ message, event }) => {
        const reason = refused.get(event.id);
        return [message, reason === undefined ? { outcome: 'applied', type: event.type } : { outcome: 'dead-lettered', type: event.type, reason }];
      }),
    );
    for (const { message, event } of candidates) {
      if (outcomes.has(message)) continue;
      // A later copy of an event refused in this batch may be its corrected resend: it is tried on its own.
      outcomes.set(message, refused.has(event.id) ? await this.applyAlone(event, message) : { outcome: 'duplicate', type: event.type });
    }
    return outcomes;
  }

  /**
   * The event's key in the inbox. Tollgate's own services share one space of event ids; inbound
   * sources do not (two planning systems may both number their messages from 1), so an inbound event
   * is known by its source and id together, digested to fit the column: a second source's message
   * with an id another source used is applied, not taken for a duplicate.
   */
  private inboxKey(event: EventEnvelope): string {
    if (!('inbound' in this.options.origin!)) return event.id;
    return `inbound:${createHash('sha256').update(`${event.source}\u0000${event.id}`).digest('hex')}`;
  }

  /** Writes the inbox rows of these events (by their inbox keys); answers the keys that were new, the ones to apply. */
  private async recordAsApplied(manager: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    // In SQL: TypeORM's multi-row insert returns the generated columns, not the ids that were new.
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO ${manager.getRepository(AppliedEvent).metadata.tablePath} (consumer_group, event_id)
       SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING RETURNING event_id`,
      [this.options.groupId, eventIds],
    );
    return new Set(inserted.map((row) => row.event_id));
  }

  private spanAttributes(): Record<string, string> {
    return { 'messaging.system': 'kafka', 'messaging.consumer.group.name': this.options.groupId };
  }

  private async applyAlone(event: EventEnvelope, message: KafkaMessage): Promise<MessageOutcome> {
    try {
      // In the trace of what wrote the event (its traceparent header), so that a request and all it causes read as one.
      const traced = {
        parent: contextFromHeaders(traceHeadersOf(message)),
        kind: SpanKind.CONSUMER,
        attributes: { ...this.spanAttributes(), 'messaging.message.id': event.id, 'tollgate.event.type': event.type, 'tollgate.event.subject': event.subject },
      };
      const applied = await inSpan(`${this.options.groupId} apply ${event.type}`, traced, () =>
        this.dataSource.transaction(async (manager) => {
          if ((await this.recordAsApplied(manager, [this.inboxKey(event)])).size === 0) return false;
          await this.options.apply(event, manager);
          return true;
        }),
      );
      return { outcome: applied ? 'applied' : 'duplicate', type: event.type };
    } catch (error) {
      if (error instanceof UnprocessableEventError) return { outcome: 'dead-lettered', type: event.type, reason: error.message };
      const refusal = permanentStorageRefusal(error);
      if (refusal) return { outcome: 'dead-lettered', type: event.type, reason: refusal };
      throw error;
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, outcome: MessageOutcome): Promise<MessageOutcome> {
    await publishDeadLetter(this.producer!, { topic, partition, message, consumerGroup: this.options.groupId, reason: outcome.reason ?? 'refused' });
    return outcome;
  }
}

/** A message's trace headers as text: the consumer's span joins the trace of the work that wrote the event. */
function traceHeadersOf(message: KafkaMessage): Record<string, string | undefined> {
  return { traceparent: headerText(message.headers, 'traceparent'), tracestate: headerText(message.headers, 'tracestate') };
}

interface MessageOutcome {
  outcome: ConsumeOutcome;
  type?: string;
  reason?: string;
}

/** A message after its checks: settled there (dead-lettered or skipped), or an event to apply. */
type Screened = { kind: 'settled'; outcome: MessageOutcome } | { kind: 'apply'; event: EventEnvelope };
