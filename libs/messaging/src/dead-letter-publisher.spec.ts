import { DEAD_LETTER_HEADERS } from '@tollgate/contracts';
import { createHash } from 'node:crypto';
import type { KafkaMessage, Producer, ProducerRecord } from 'kafkajs';
import { DEAD_LETTER_TRUNCATION_HEADERS, publishDeadLetter } from './dead-letter-publisher';

function producerThat(refuseAbove = Infinity) {
  const sent: ProducerRecord[] = [];
  const producer = {
    send: async (record: ProducerRecord) => {
      const size = record.messages[0].value?.length ?? 0;
      if (size > refuseAbove) throw Object.assign(new Error('The request included a message larger than the max message size'), { type: 'MESSAGE_TOO_LARGE' });
      sent.push(record);
      return [];
    },
  } as unknown as Producer;
  return { producer, sent };
}

const message = (value: Buffer): KafkaMessage =>
  ({ key: Buffer.from('initiative-1'), value, headers: { 'x-origin': 'erp' }, offset: '41', timestamp: '0', attributes: 0 }) as unknown as KafkaMessage;

const header = (record: ProducerRecord, name: string) => record.messages[0].headers?.[name]?.toString();

describe('dead letters', () => {
  it('keeps the original bytes and headers beside the reason and the source coordinates', async () => {
    const { producer, sent } = producerThat();
    await publishDeadLetter(producer, { topic: 'tollgate.plans.events', partition: 2, message: message(Buffer.from('{"bad":1}')), consumerGroup: 'g', reason: 'invalid envelope' });
    expect(sent[0].topic).toBe('tollgate.plans.events.dlq');
    expect(sent[0].messages[0].value?.toString()).toBe('{"bad":1}');
    expect(header(sent[0], 'x-origin')).toBe('erp');
    expect(header(sent[0], DEAD_LETTER_HEADERS.sourceOffset)).toBe('41');
    expect(header(sent[0], DEAD_LETTER_TRUNCATION_HEADERS.truncated)).toBeUndefined();
  });

  it('cuts a copy too large for the broker to what fits, with the size and digest of the original', async () => {
    const original = Buffer.alloc(2 * 1024 * 1024, 'x');
    const { producer, sent } = producerThat();
    await publishDeadLetter(producer, { topic: 't', partition: 0, message: message(original), consumerGroup: 'g', reason: 'too big' }, 100_000);
    const value = sent[0].messages[0].value as Buffer;
    expect(value.length).toBeLessThanOrEqual(100_000);
    expect(value.length).toBeGreaterThan(90_000);
    expect(header(sent[0], DEAD_LETTER_TRUNCATION_HEADERS.truncated)).toBe('true');
    expect(header(sent[0], DEAD_LETTER_TRUNCATION_HEADERS.originalBytes)).toBe(String(original.length));
    expect(header(sent[0], DEAD_LETTER_TRUNCATION_HEADERS.originalSha256)).toBe(createHash('sha256').update(original).digest('hex'));
    expect(header(sent[0], DEAD_LETTER_HEADERS.reason)).toBe('too big');
    expect(header(sent[0], DEAD_LETTER_HEADERS.sourceTopic)).toBe('t');
  });

  it('falls back to a small sample when the broker refuses a copy under the cap', async () => {
    const { producer, sent } = producerThat(200_000);
    await publishDeadLetter(producer, { topic: 't', partition: 0, message: message(Buffer.alloc(500_000, 'y')), consumerGroup: 'g', reason: 'bad data' });
    expect(sent).toHaveLength(1);
    expect((sent[0].messages[0].value as Buffer).length).toBeLessThanOrEqual(64 * 1024);
    expect(header(sent[0], DEAD_LETTER_TRUNCATION_HEADERS.originalBytes)).toBe('500000');
  });
});
