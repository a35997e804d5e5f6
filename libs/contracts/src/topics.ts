/** Kafka topics of the public contract. */
export const TOPICS = {
  initiativesEvents: 'tollgate.initiatives.events',
  financeEvents: 'tollgate.finance.events',
  plansEvents: 'tollgate.plans.events',
  /** Inbound confirmations from outside finance systems (ERP), signed with HMAC. */
  financeValueConfirmations: 'finance.value-confirmations',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The dead-letter topic of a topic: where a consumer puts what it could not apply. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Every topic the local stack creates: the contract's topics and their dead-letter topics. */
export const ALL_TOPICS: readonly string[] = Object.values(TOPICS).flatMap((topic) => [topic, deadLetterTopic(topic)]);

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
