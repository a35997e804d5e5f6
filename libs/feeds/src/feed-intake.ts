import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { FEED_TOPICS, prefixedTopic, type EventEnvelope, type FeedEventType } from '@tollgate/contracts';
import type { FeedSource } from '@tollgate/domain';
import { EventConsumers, UnprocessableEventError } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { EntityManager } from 'typeorm';
import { FeedMetrics } from './feed-metrics';
import { FeedSourceRegistry } from './feed-source-registry.service';

/** How a service applies one feed: each event with the source that sent it, inside the transaction that records it. */
export interface FeedApplier<T extends FeedEventType> {
  apply(event: EventEnvelope<T>, source: FeedSource, manager: EntityManager): Promise<void>;
  /** Applies a batch's new events in one transaction; answers why each refused one was refused, by event id. */
  applyBatch?(events: readonly { event: EventEnvelope<T>; source: FeedSource }[], manager: EntityManager): Promise<ReadonlyMap<string, string>>;
}

/**
 * Opens one feed of this service: a consumer of the feed's inbound topic
 * that believes a message only when a registered source signed it with a
 * current key and may send its type, applies it once, and dead-letters the
 * rest with the reason.
 */
@Injectable()
export class FeedIntake {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly registry: FeedSourceRegistry,
    private readonly metrics: FeedMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  open<T extends FeedEventType>(type: T, applier: FeedApplier<T>): void {
    const { topic } = FEED_TOPICS[type];
    const groupId = `${this.config.kafka.groupPrefix}-${this.config.service}.feed.${topic}`;
    const sourceOf = (event: EventEnvelope): FeedSource => {
      const source = this.registry.sourceNamed(event.source);
      // Screened a moment ago; a source removed since then is refused like one never registered.
      if (!source) throw new UnprocessableEventError(`unregistered source: '${event.source}' is no longer registered`);
      return source;
    };
    this.metrics.watch({ feed: topic, topic: prefixedTopic(this.config.kafka.topicPrefix, topic), groupId });
    this.consumers.register({
      groupId,
      topics: [topic],
      accepts: [type],
      origin: {
        inbound: (message) => this.registry.signatureProblem(message),
        believe: (event, message) => (event.type === type ? this.registry.eventProblem(event, message) : `wrong topic: '${event.type}' does not travel on ${topic}`),
      },
      apply: (event, manager) => applier.apply(event as EventEnvelope<T>, sourceOf(event), manager),
      ...(applier.applyBatch
        ? { applyBatch: (events: readonly EventEnvelope[], manager: EntityManager) => applier.applyBatch!(events.map((event) => ({ event: event as EventEnvelope<T>, source: sourceOf(event) })), manager) }
        : {}),
      onOutcome: (outcome, detail) => this.metrics.counted(topic, outcome, detail.reason),
    });
  }
}
