import { DEAD_LETTER_HEADERS, deadLetterTopic, FEED_SIGNATURE_HEADERS, FEED_TOPICS, type FeedEventType } from '@tollgate/contracts';
import { signWithHmac } from '@tollgate/messaging';
import { randomUUID } from 'node:crypto';
import { findMessage, produceRaw } from './topic-reader';

/** A key of a feed source as the admin route hands it out. */
export interface FeedKey {
  source: string;
  keyId: string;
  secret: string;
}

/** A feed envelope as an outside system writes it; `overrides` reach into any field, for the bad cases. */
export function feedEnvelope(source: string, type: FeedEventType, subject: string, data: unknown, overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), type, source, subject, time: new Date().toISOString(), schemaVersion: 1, data, ...overrides };
}

/** The headers a source puts on these bytes: its name, its key id and the HMAC of the bytes with that key. */
export function feedHeaders(key: FeedKey, value: string | Buffer): Record<string, string> {
  return { [FEED_SIGNATURE_HEADERS.source]: key.source, [FEED_SIGNATURE_HEADERS.keyId]: key.keyId, [FEED_SIGNATURE_HEADERS.signature]: signWithHmac(value, key.secret) };
}

/** Sends an envelope on its feed's topic, signed with the key (or with the headers given instead), keyed by `key`. */
export async function sendFeed(topicOf: FeedEventType, messageKey: string, value: string, headers: Record<string, string>) {
  return produceRaw(FEED_TOPICS[topicOf].topic, messageKey, value, headers);
}

/** The reason the feed consumer gave when it dead-lettered the message of this key. */
export async function feedDeadLetterReason(topicOf: FeedEventType, groupId: string, messageKey: string): Promise<string | undefined> {
  const letter = await findMessage(
    deadLetterTopic(FEED_TOPICS[topicOf].topic),
    (message) => message.key?.toString() === messageKey && message.headers?.[DEAD_LETTER_HEADERS.consumerGroup]?.toString() === groupId,
  );
  return letter.headers?.[DEAD_LETTER_HEADERS.reason]?.toString();
}
