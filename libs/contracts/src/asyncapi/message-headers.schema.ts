import type { ProducingService } from '../event-ownership';
import { FEED_SIGNATURE_HEADERS } from '../feed-events';
import { DEAD_LETTER_HEADERS, ENVELOPE_SIGNATURE_HEADERS, FINANCE_SIGNATURE_HEADER } from '../topics';
import type { JsonSchema } from './event-message.schema';
import type { TopicSigning } from './topic-catalogue';

// Kafka header values are bytes; every Tollgate header holds UTF-8 text.
const HMAC_SIGNATURE: JsonSchema = {
  type: 'string',
  pattern: '^sha256=[0-9a-fA-F]{64}$',
  description: '`sha256=<hex HMAC-SHA256 of the message value bytes>`',
};

// Optional on every message: the W3C trace context of the work that wrote it; the consumer's work joins that trace.
const TRACE_CONTEXT_HEADERS: Record<string, JsonSchema> = {
  traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', description: 'W3C Trace Context `traceparent` of the work that wrote the message' },
  tracestate: { type: 'string', maxLength: 512, description: 'W3C Trace Context `tracestate`, when the writer had one' },
};

function headers(properties: Record<string, JsonSchema>, description: string): JsonSchema {
  return { type: 'object', description, properties: { ...properties, ...TRACE_CONTEXT_HEADERS }, required: Object.keys(properties) };
}

function serviceSignatureHeaders(signers: readonly ProducingService[]): JsonSchema {
  return headers(
    {
      [ENVELOPE_SIGNATURE_HEADERS.signer]: { type: 'string', enum: [...signers], description: 'the service that signed the envelope: its owner' },
      [ENVELOPE_SIGNATURE_HEADERS.keyId]: { type: 'string', minLength: 1, description: "which of the signer's keys signed it (keys rotate with an overlap)" },
      [ENVELOPE_SIGNATURE_HEADERS.signature]: { type: 'string', minLength: 1, description: 'the Ed25519 signature of the message value bytes, base64' },
    },
    "The producing service's signature: a consumer believes the envelope only when its owner signed it with a key in the keyring.",
  );
}

/**
 * The JSON Schema of the Kafka headers a message carries, by how its topic is
 * signed; `signers` are the services that may sign an internal envelope of
 * the message's type.
 */
export function messageHeadersJsonSchema(signing: TopicSigning, signers: readonly ProducingService[]): JsonSchema {
  switch (signing) {
    case 'service-signature':
      return serviceSignatureHeaders(signers);
    case 'finance-hmac':
      return headers(
        { [FINANCE_SIGNATURE_HEADER]: { ...HMAC_SIGNATURE, description: `${HMAC_SIGNATURE.description}, keyed by the finance HMAC secret` } },
        'The finance system\'s signature; a message without a valid one is dead-lettered.',
      );
    case 'feed-hmac':
      return headers(
        {
          [FEED_SIGNATURE_HEADERS.source]: { type: 'string', minLength: 1, description: 'the registered feed source that sends the message' },
          [FEED_SIGNATURE_HEADERS.keyId]: { type: 'string', minLength: 1, description: "which of the source's keys signed it (keys rotate with an overlap)" },
          [FEED_SIGNATURE_HEADERS.signature]: { ...HMAC_SIGNATURE, description: `${HMAC_SIGNATURE.description}, keyed by that key` },
        },
        "The feed source's signature; a message without a valid one, or from a source not registered for its type, is dead-lettered.",
      );
  }
}

/** The JSON Schema of a dead letter's headers: the original message's headers, plus where and why it failed. */
export const DEAD_LETTER_HEADERS_JSON_SCHEMA: JsonSchema = {
  ...headers(
    {
      [DEAD_LETTER_HEADERS.reason]: { type: 'string', maxLength: 2000, description: 'why the consumer gave up on the message' },
      [DEAD_LETTER_HEADERS.sourceTopic]: { type: 'string', description: 'the topic the message was read from' },
      [DEAD_LETTER_HEADERS.sourcePartition]: { type: 'string', pattern: '^\\d+$', description: 'its partition' },
      [DEAD_LETTER_HEADERS.sourceOffset]: { type: 'string', pattern: '^\\d+$', description: 'its offset' },
      [DEAD_LETTER_HEADERS.consumerGroup]: { type: 'string', description: 'the consumer group that gave up' },
      [DEAD_LETTER_HEADERS.failedAt]: { type: 'string', format: 'date-time', description: 'when, UTC ISO-8601' },
    },
    'The original headers, kept as they came, plus where the message came from and why it was not applied; a copy cut to fit the broker also says so.',
  ),
  additionalProperties: { type: 'string' },
};
