import { DEAD_LETTER_HEADERS, deadLetterTopic } from '@tollgate/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  reason: string;
}

/** Sends a message that cannot be applied to `<topic>.dlq`: its original bytes and headers, and why. */
export async function publishDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...(letter.message.headers ?? {}),
    [DEAD_LETTER_HEADERS.reason]: letter.reason.slice(0, 2000),
    [DEAD_LETTER_HEADERS.sourceTopic]: letter.topic,
    [DEAD_LETTER_HEADERS.sourcePartition]: String(letter.partition),
    [DEAD_LETTER_HEADERS.sourceOffset]: letter.message.offset,
    [DEAD_LETTER_HEADERS.consumerGroup]: letter.consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: deadLetterTopic(letter.topic),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
