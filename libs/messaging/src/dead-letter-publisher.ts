import { DEAD_LETTER_HEADERS, deadLetterTopic } from '@tollgate/contracts';
import { createHash } from 'node:crypto';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  reason: string;
}

/**
 * The largest dead-letter copy sent whole. The broker refuses messages over
 * its `message.max.bytes` (1 MiB by default), and a refused dead letter would
 * stall the partition behind it; a larger copy is cut to this size.
 */
export const DEAD_LETTER_MAX_BYTES = 900 * 1024;

const TRUNCATION_HEADERS = {
  truncated: 'x-tollgate-dlq-truncated',
  originalBytes: 'x-tollgate-dlq-original-bytes',
  originalSha256: 'x-tollgate-dlq-original-sha256',
} as const;

function headerBytes(headers: IHeaders): number {
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) total += name.length + (one === undefined ? 0 : Buffer.byteLength(one));
  }
  return total;
}

/**
 * Sends a message that cannot be applied to `<topic>.dlq`: its original bytes
 * and headers, and why. A copy too large for the broker is cut to what fits,
 * keeping the reason, the source coordinates and a digest of the original.
 */
export async function publishDeadLetter(producer: Producer, letter: DeadLetter, maxBytes = DEAD_LETTER_MAX_BYTES): Promise<void> {
  const coordinates: IHeaders = {
    [DEAD_LETTER_HEADERS.reason]: letter.reason.slice(0, 2000),
    [DEAD_LETTER_HEADERS.sourceTopic]: letter.topic,
    [DEAD_LETTER_HEADERS.sourcePartition]: String(letter.partition),
    [DEAD_LETTER_HEADERS.sourceOffset]: letter.message.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: letter.consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
  };
  const original = letter.message.value ?? null;
  const key = letter.message.key && letter.message.key.length <= 1024 ? letter.message.key : null;
  const whole = { ...(letter.message.headers ?? {}), ...coordinates };
  const size = (original?.length ?? 0) + headerBytes(whole) + (key?.length ?? 0);
  const send = (value: Buffer | null, headers: IHeaders) =>
    producer.send({ topic: deadLetterTopic(letter.topic), acks: -1, messages: [{ key, value, headers }] });

  let budget = maxBytes;
  if (size <= maxBytes) {
    try {
      await send(original, whole);
      return;
    } catch (error) {
      // The broker may be configured below our cap: a small sample is sure to fit.
      if ((error as { type?: string }).type !== 'MESSAGE_TOO_LARGE') throw error;
      budget = 64 * 1024;
    }
  }
  const cutHeaders: IHeaders = {
    ...coordinates,
    [TRUNCATION_HEADERS.truncated]: 'true',
    [TRUNCATION_HEADERS.originalBytes]: String(original?.length ?? 0),
    [TRUNCATION_HEADERS.originalSha256]: createHash('sha256').update(original ?? Buffer.alloc(0)).digest('hex'),
  };
  const room = Math.max(0, budget - headerBytes(cutHeaders) - (key?.length ?? 0));
  await send(original ? original.subarray(0, room) : null, cutHeaders);
}

export { TRUNCATION_HEADERS as DEAD_LETTER_TRUNCATION_HEADERS };
