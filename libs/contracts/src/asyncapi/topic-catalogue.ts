import { NOTICE_EVENT_TYPES } from '@tollgate/domain';
import type { EventEnvelope } from '../event-envelope';
import { EVENT_DATA_SCHEMAS, type EventType } from '../event-map';
import { eventOwner, PRODUCING_SERVICES, type ProducingService } from '../event-ownership';
import { FEED_TOPICS, type FeedEventType } from '../feed-events';
import { deadLetterTopic, TOPICS, type Topic } from '../topics';

/** How the messages of a topic prove who wrote them, and so which headers they carry. */
export type TopicSigning =
  /** An internal envelope, signed with its producing service's Ed25519 key (`ENVELOPE_SIGNATURE_HEADERS`). */
  | 'service-signature'
  /** A confirmation from an outside finance system, signed with the finance HMAC secret (`FINANCE_SIGNATURE_HEADER`). */
  | 'finance-hmac'
  /** A feed message, signed with its registered source's HMAC key (`FEED_SIGNATURE_HEADERS`). */
  | 'feed-hmac';

/** Who writes a topic: a Tollgate service, or systems outside Tollgate. */
export type TopicProducer = { service: ProducingService } | { outside: string };

/** Where the Kafka message key of a topic's messages comes from. */
export type TopicKey = { from: 'subject' } | { from: 'data'; field: string };

/** One kind of message on a topic: an event type, under the message id the AsyncAPI documents give it. */
export interface TopicMessage {
  /** Unique across the catalogue: the event type, or the type with a suffix where it also travels with other headers. */
  id: string;
  type: EventType;
  key: TopicKey;
}

/** A consumer (one consumer group) of a topic, and the event types it applies; it acknowledges and skips the rest. */
export interface TopicConsumer {
  service: ProducingService;
  /** What the consumer is for, in a word or two: names its operation in the AsyncAPI documents. */
  purpose: string;
  accepts: readonly EventType[];
}

/** A Kafka topic of the contract: what travels on it, who writes it and who reads it. */
export interface TopicEntry {
  topic: Topic;
  description: string;
  signing: TopicSigning;
  producer: TopicProducer;
  messages: readonly TopicMessage[];
  consumers: readonly TopicConsumer[];
  /** Where each consumer puts what it gave up on: the original bytes and headers plus `DEAD_LETTER_HEADERS`. */
  deadLetterTopic: string;
}

/** The `tollgate.*` topic each service produces its events onto. */
export const SERVICE_EVENT_TOPICS: Readonly<Record<ProducingService, Topic>> = {
  plans: TOPICS.plansEvents,
  initiatives: TOPICS.initiativesEvents,
  finance: TOPICS.financeEvents,
};

/**
 * The services that sign envelopes of a type: `eventOwner` asked as each
 * service would have written it. One owner for a family type, every service
 * for the stack probe (each records its own), none for a feed or for a type
 * nobody owns yet (which then has no topic, and the catalogue's test says so).
 */
export function producersOfEventType(type: EventType): ProducingService[] {
  return PRODUCING_SERVICES.filter((service) => {
    try {
      // Only `type` and the probe's `data.service` decide; the rest of the envelope does not matter here.
      return eventOwner({ type, data: { service } } as unknown as EventEnvelope) === service;
    } catch {
      return false;
    }
  });
}

const EVENT_TYPES = Object.keys(EVENT_DATA_SCHEMAS) as EventType[];

/**
 * The services' projections of each other's internal topics (plans
 * portfolio projection, finance ledger projection, initiatives program
 * directory): what each reads and applies. The consumers take their topics
 * and types from here (`projectionConsumer`), so that the documents say what
 * runs.
 */
export const PROJECTION_CONSUMERS: readonly (TopicConsumer & { topics: readonly Topic[] })[] = [
  {
    service: 'plans',
    purpose: 'portfolio',
    topics: [TOPICS.initiativesEvents, TOPICS.financeEvents],
    accepts: [
      'initiative.created',
      'initiative.plan-revised',
      'initiative.stage-changed',
      'initiative.forecast-updated',
      'initiative.status-changed',
      'initiative.escalated',
      'initiative.gate-requested',
      'initiative.gate-key-given',
      'initiative.gate-rejected',
      'initiative.closed',
      'finance.value-confirmed',
    ],
  },
  {
    service: 'finance',
    purpose: 'ledger',
    topics: [TOPICS.initiativesEvents],
    accepts: [
      'initiative.created',
      'initiative.plan-revised',
      'initiative.stage-changed',
      'initiative.forecast-updated',
      'initiative.status-changed',
      'initiative.closure-requested',
      'initiative.closure-rejected',
      'initiative.closed',
    ],
  },
  {
    service: 'plans',
    purpose: 'notifications',
    // The plans service's own events never come back to it: it records their notices as it announces them.
    topics: [TOPICS.initiativesEvents],
    // What the notices need to know of an initiative (its parties, title and forecast), then what people are told of.
    accepts: [
      ...new Set<EventType>([
        'initiative.created',
        'initiative.plan-revised',
        'initiative.stage-changed',
        'initiative.forecast-updated',
        // What the calendars need of the milestones.
        'initiative.milestone-replanned',
        'initiative.milestone-completed',
        'initiative.status-changed',
        ...NOTICE_EVENT_TYPES.filter((type) => type.startsWith('initiative.')),
      ]),
    ],
  },
  { service: 'initiatives', purpose: 'org-nodes', topics: [TOPICS.plansEvents], accepts: ['plans.org-node-created'] },
];

/** One projection's topics and the event types it applies. */
export function projectionConsumer(service: ProducingService, purpose: string): { topics: readonly Topic[]; accepts: EventType[] } {
  const projection = PROJECTION_CONSUMERS.find((candidate) => candidate.service === service && candidate.purpose === purpose);
  if (!projection) throw new Error(`no projection ${service}/${purpose} in the topic catalogue`);
  return { topics: projection.topics, accepts: [...projection.accepts] };
}

function internalConsumers(topic: Topic, producer: ProducingService, carried: readonly EventType[]): TopicConsumer[] {
  // A projection that reads several topics is listed on each with the types that topic carries.
  const projections = PROJECTION_CONSUMERS.filter((projection) => projection.topics.includes(topic)).map(({ service, purpose, accepts }) => ({
    service,
    purpose,
    accepts: accepts.filter((type) => carried.includes(type)),
  }));
  // Every service applies the stack probes of the other two (libs/platform stack-probe).
  const probes = PRODUCING_SERVICES.filter((service) => service !== producer).map((service) => ({
    service,
    purpose: 'stack-probe',
    accepts: ['stack.probe-recorded'] as const,
  }));
  return [...projections, ...probes];
}

function internalTopic(service: ProducingService): TopicEntry {
  const topic = SERVICE_EVENT_TOPICS[service];
  const carried = EVENT_TYPES.filter((type) => producersOfEventType(type).includes(service));
  return {
    topic,
    description: `The events of the ${service} service, each envelope signed by it. An event type is believed only from the service that owns it.`,
    signing: 'service-signature',
    producer: { service },
    messages: carried.map((type) => ({ id: type, type, key: { from: 'subject' } })),
    consumers: internalConsumers(topic, service, carried),
    deadLetterTopic: deadLetterTopic(topic),
  };
}

const ERP_CONFIRMATIONS: TopicEntry = {
  topic: TOPICS.financeValueConfirmations,
  description:
    'Confirmations of realized value from outside finance systems (ERP), each message signed with HMAC-SHA256 keyed by the finance HMAC secret.',
  signing: 'finance-hmac',
  producer: { outside: 'outside finance systems (ERP)' },
  // The same event type as on finance's own topic, with other headers: a message of its own.
  messages: [{ id: 'finance.value-confirmed.inbound', type: 'finance.value-confirmed', key: { from: 'subject' } }],
  consumers: [{ service: 'finance', purpose: 'inbound-confirmations', accepts: ['finance.value-confirmed'] }],
  deadLetterTopic: deadLetterTopic(TOPICS.financeValueConfirmations),
};

const FEED_TYPES = Object.keys(FEED_TOPICS) as FeedEventType[];

// Grouped by topic: nothing in FEED_TOPICS stops two feed types from sharing one.
function feedTopic(topic: Topic): TopicEntry {
  const types = FEED_TYPES.filter((type) => FEED_TOPICS[type].topic === topic);
  return {
    topic,
    description: `An inbound feed of outside systems (${types.map((type) => `\`${type}\``).join(', ')}) from the sources registered for it, each message signed with its source's HMAC key.`,
    signing: 'feed-hmac',
    producer: { outside: 'registered feed sources' },
    messages: types.map((type) => ({ id: type, type, key: { from: 'data', field: FEED_TOPICS[type].key } })),
    consumers: [...new Set(types.map((type) => FEED_TOPICS[type].appliedBy))].map((service) => ({
      service,
      purpose: 'feed',
      accepts: types.filter((type) => FEED_TOPICS[type].appliedBy === service),
    })),
    deadLetterTopic: deadLetterTopic(topic),
  };
}

/**
 * Every Kafka topic of the contract, with the event types on it, its producer
 * and its consumers: the source of the AsyncAPI documents. Internal topics
 * take their types from the event ownership, feeds from `FEED_TOPICS`; only
 * which projection applies which types is kept here by hand.
 */
export const TOPIC_CATALOGUE: readonly TopicEntry[] = [
  ...PRODUCING_SERVICES.map(internalTopic),
  ERP_CONFIRMATIONS,
  ...[...new Set(FEED_TYPES.map((type) => FEED_TOPICS[type].topic))].map(feedTopic),
];

/** The catalogue's entry of a topic, if it has one. */
export function topicEntry(topic: string): TopicEntry | undefined {
  return TOPIC_CATALOGUE.find((entry) => entry.topic === topic);
}
