/** Kafka topics of the public contract. */
export const TOPICS = {
  initiativesEvents: 'tollgate.initiatives.events',
  financeEvents: 'tollgate.finance.events',
  plansEvents: 'tollgate.plans.events',
  /** Inbound confirmations from outside finance systems (ERP), signed with HMAC. */
  financeValueConfirmations: 'finance.value-confirmations',
  /** Inbound feeds of outside systems (see FEED_TOPICS), each message signed with its registered source's key. */
  salesDemandActuals: 'sales.demand-actuals',
  salesDemandForecasts: 'sales.demand-forecasts',
  operationsCapacityPlans: 'operations.capacity-plans',
  planningMeasureForecasts: 'planning.measure-forecasts',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * The Kafka name of a contract topic under a prefix (a setting): a test run or
 * a second stack on the same brokers reads and writes topics of its own.
 */
export function prefixedTopic(prefix: string, topic: string): string {
  return `${prefix}${topic}`;
}

/** The dead-letter topic of a topic: where a consumer puts what it could not apply. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Every topic the local stack creates: the contract's topics and their dead-letter topics. */
export const ALL_TOPICS: readonly string[] = Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)]);

/** The same topics under a prefix. */
export function allTopics(prefix: string): string[] {
  return ALL_TOPICS.map((topic) => prefixedTopic(prefix, topic));
}

/** Headers that a dead-lettered message carries beside its original headers. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-tollgate-dlq-reason',
  sourceTopic: 'x-tollgate-dlq-source-topic',
  sourcePartition: 'x-tollgate-dlq-source-partition',
  sourceOffset: 'x-tollgate-dlq-source-offset',
  consumerGroup: 'x-tollgate-dlq-consumer-group',
  failedAt: 'x-tollgate-dlq-failed-at',
} as const;

/** The header that carries the HMAC signature of an inbound finance message. */
export const FINANCE_SIGNATURE_HEADER = 'x-tollgate-signature';

/**
 * Headers of a signed internal envelope: which service signed it, with which
 * of its keys (keys rotate with an overlap), and the Ed25519 signature of the
 * message value's bytes, base64.
 */
export const ENVELOPE_SIGNATURE_HEADERS = {
  signer: 'x-tollgate-signer',
  keyId: 'x-tollgate-key-id',
  signature: 'x-tollgate-envelope-signature',
} as const;
