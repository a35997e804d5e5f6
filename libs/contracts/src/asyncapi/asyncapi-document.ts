import { SCHEMA_VERSION } from '../event-envelope';
import { sourceOf, type ProducingService } from '../event-ownership';
import { prefixedTopic } from '../topics';
import { eventDataDescription, eventDataJsonSchema, eventEnvelopeJsonSchema, type JsonSchema } from './event-message.schema';
import { DEAD_LETTER_HEADERS_JSON_SCHEMA, messageHeadersJsonSchema } from './message-headers.schema';
import { producersOfEventType, TOPIC_CATALOGUE, type TopicEntry, type TopicKey, type TopicMessage } from './topic-catalogue';

/** The AsyncAPI version the documents are written in. */
export const ASYNCAPI_VERSION = '3.0.0';

/** The version of the described API: it moves with the envelope's and the data's schema version. */
export const ASYNCAPI_API_VERSION = `${SCHEMA_VERSION}.0.0`;

/** The broker the documents name when no other is given: the local stack's. */
export const DEFAULT_KAFKA_HOST = '127.0.0.1:9092';

/** The message id of a dead letter, on every dead-letter channel. */
export const DEAD_LETTER_MESSAGE_ID = 'dead-letter';

/** Where the documents point, when they describe a stack other than the local one. */
export interface AsyncApiOptions {
  /** The Kafka bootstrap broker(s), `host:port`; default the local stack's. */
  serverHost?: string | readonly string[];
  /** The stack's topic prefix (a setting): channel addresses carry it, channel ids stay the contract's names. */
  topicPrefix?: string;
}

type Reference = { $ref: string };

/** A message of the document: an event type as it travels on a topic, or a dead letter. */
export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  contentType: string;
  headers: JsonSchema;
  payload: JsonSchema;
  bindings: { kafka: { key: JsonSchema; bindingVersion: string } };
}

/** An AsyncAPI 3.0.0 document, as plain JSON. */
export interface AsyncApiDocument {
  asyncapi: typeof ASYNCAPI_VERSION;
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  servers: Record<string, { host: string; protocol: 'kafka'; description: string }>;
  channels: Record<string, { address: string; title: string; description: string; messages: Record<string, Reference> }>;
  operations: Record<
    string,
    { action: 'send' | 'receive'; channel: Reference; title: string; summary: string; messages: Reference[] }
  >;
  components: { messages: Record<string, AsyncApiMessage>; schemas: Record<string, JsonSchema> };
}

const channelRef = (channel: string): Reference => ({ $ref: `#/channels/${channel}` });
const channelMessageRef = (channel: string, message: string): Reference => ({ $ref: `#/channels/${channel}/messages/${message}` });
const messageRef = (message: string): Reference => ({ $ref: `#/components/messages/${message}` });
const schemaPointer = (name: string) => `#/components/schemas/${name}`;

function producedBy(entry: TopicEntry, service: ProducingService): boolean {
  return 'service' in entry.producer && entry.producer.service === service;
}

function producerWords(entry: TopicEntry): string {
  return 'service' in entry.producer ? `the ${entry.producer.service} service` : entry.producer.outside;
}

function keySchema(key: TopicKey): JsonSchema {
  const description =
    key.from === 'subject'
      ? "the envelope's `subject` (the initiative, node or probe id it speaks of), so one subject's events stay ordered"
      : `the data's \`${key.field}\`, so one ${key.field.replace(/Id$/, '')}'s messages stay ordered`;
  return { type: 'string', minLength: 1, description };
}

function sourceSchema(entry: TopicEntry, signers: readonly ProducingService[]): JsonSchema {
  if (entry.signing !== 'service-signature') return { description: 'the sending system, as registered with Tollgate' };
  const sources = signers.map(sourceOf);
  return sources.length === 1 ? { const: sources[0], description: 'the owning service' } : { enum: sources, description: 'the owning service' };
}

function eventMessage(entry: TopicEntry, message: TopicMessage): AsyncApiMessage {
  const signers = producersOfEventType(message.type);
  return {
    name: message.id,
    title: `${message.type} on ${entry.topic}`,
    summary: eventDataDescription(message.type) ?? `\`${message.type}\`, sent by ${producerWords(entry)} on \`${entry.topic}\`.`,
    contentType: 'application/json',
    headers: messageHeadersJsonSchema(entry.signing, signers),
    payload: eventEnvelopeJsonSchema(message.type, schemaPointer(message.type), sourceSchema(entry, signers)),
    bindings: { kafka: { key: keySchema(message.key), bindingVersion: '0.5.0' } },
  };
}

const DEAD_LETTER_MESSAGE: AsyncApiMessage = {
  name: DEAD_LETTER_MESSAGE_ID,
  title: 'A message a consumer gave up on',
  summary: 'The original message, which failed its signature, its validation or a rule, with the reason in the headers.',
  // The original bytes, which need not be JSON at all (that may be why it failed).
  contentType: 'application/octet-stream',
  headers: DEAD_LETTER_HEADERS_JSON_SCHEMA,
  payload: { description: "the original message value's bytes (cut to what fits the broker when too large)" },
  bindings: {
    kafka: { key: { type: 'string', description: 'the original message key (left out when longer than 1 KiB)' }, bindingVersion: '0.5.0' },
  },
};

function servers(host: AsyncApiOptions['serverHost']): AsyncApiDocument['servers'] {
  const hosts = typeof host === 'string' ? [host] : host?.length ? [...host] : [DEFAULT_KAFKA_HOST];
  return Object.fromEntries(
    hosts.map((one, index) => [
      index === 0 ? 'kafka' : `kafka-${index + 1}`,
      { host: one, protocol: 'kafka' as const, description: 'A Kafka broker of the stack (plaintext on the local stack).' },
    ]),
  );
}

/**
 * The AsyncAPI 3.0.0 document of one service: a channel for every topic it
 * produces or consumes (and the dead-letter topics it writes), a `send`
 * operation for what it produces, a `receive` operation for each of its
 * consumers, and every message's headers and envelope as JSON Schema
 * converted from the zod schemas, so the document cannot drift from them.
 */
export function asyncApiDocument(service: ProducingService, options: AsyncApiOptions = {}): AsyncApiDocument {
  const prefix = options.topicPrefix ?? '';
  const topics = TOPIC_CATALOGUE.filter((entry) => producedBy(entry, service) || entry.consumers.some((consumer) => consumer.service === service));
  const document: AsyncApiDocument = {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: `Tollgate ${service} service`,
      version: ASYNCAPI_API_VERSION,
      description:
        `The Kafka topics the ${service} service produces and consumes. Every message value is a JSON event envelope ` +
        '(the shape of a CloudEvent: `id` is unique and is the idempotency key), keyed by its subject so that one subject\'s events stay ordered. ' +
        'A message that fails its signature or validation is never applied: the consumer puts it on `<topic>.dlq` with the reason and moves on.',
    },
    defaultContentType: 'application/json',
    servers: servers(options.serverHost),
    channels: {},
    operations: {},
    components: { messages: {}, schemas: {} },
  };

  for (const entry of topics) {
    document.channels[entry.topic] = {
      address: prefixedTopic(prefix, entry.topic),
      title: entry.topic,
      description: `${entry.description} Written by ${producerWords(entry)}.`,
      messages: Object.fromEntries(entry.messages.map((message) => [message.id, messageRef(message.id)])),
    };
    for (const message of entry.messages) {
      document.components.messages[message.id] = eventMessage(entry, message);
      document.components.schemas[message.type] = eventDataJsonSchema(message.type, schemaPointer(message.type));
    }

    if (producedBy(entry, service)) {
      document.operations[`${entry.topic}.send`] = {
        action: 'send',
        channel: channelRef(entry.topic),
        title: `Publish to ${entry.topic}`,
        summary: `The ${service} service publishes its events from its outbox, in the order they were committed per subject.`,
        messages: entry.messages.map((message) => channelMessageRef(entry.topic, message.id)),
      };
    }

    const consumers = entry.consumers.filter((consumer) => consumer.service === service);
    for (const consumer of consumers) {
      document.operations[`${entry.topic}.receive.${consumer.purpose}`] = {
        action: 'receive',
        channel: channelRef(entry.topic),
        title: `The ${consumer.purpose} consumer reads ${entry.topic}`,
        summary: `The ${service} service's ${consumer.purpose} consumer applies these types once each, however often they are delivered; it acknowledges and skips the topic's other types.`,
        messages: entry.messages
          .filter((message) => consumer.accepts.includes(message.type))
          .map((message) => channelMessageRef(entry.topic, message.id)),
      };
    }
    if (consumers.length > 0) {
      document.channels[entry.deadLetterTopic] = {
        address: prefixedTopic(prefix, entry.deadLetterTopic),
        title: entry.deadLetterTopic,
        description: `What the consumers of \`${entry.topic}\` gave up on: the original bytes and headers, plus the reason.`,
        messages: { [DEAD_LETTER_MESSAGE_ID]: messageRef(DEAD_LETTER_MESSAGE_ID) },
      };
      document.operations[`${entry.deadLetterTopic}.send`] = {
        action: 'send',
        channel: channelRef(entry.deadLetterTopic),
        title: `Dead-letter what ${entry.topic} could not apply`,
        summary: `The ${service} service's consumers of \`${entry.topic}\` put each message they cannot apply here, and move on.`,
        messages: [channelMessageRef(entry.deadLetterTopic, DEAD_LETTER_MESSAGE_ID)],
      };
      document.components.messages[DEAD_LETTER_MESSAGE_ID] = DEAD_LETTER_MESSAGE;
    }
  }
  return document;
}
