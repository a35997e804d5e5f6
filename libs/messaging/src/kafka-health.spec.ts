import type { Kafka } from 'kafkajs';
import { KafkaHealthProbe } from './kafka-health';

/** A stand-in for kafkajs's client that counts the admin connections asked of it. */
function countingKafka(answer: () => Promise<void>) {
  const counts = { admins: 0, connects: 0, questions: 0, disconnects: 0 };
  const kafka = {
    admin: () => {
      counts.admins += 1;
      return {
        connect: async () => void (counts.connects += 1),
        describeCluster: async () => {
          counts.questions += 1;
          await answer();
        },
        disconnect: async () => void (counts.disconnects += 1),
      };
    },
  } as unknown as Kafka;
  return { kafka, counts };
}

describe('the Kafka check of /health', () => {
  it('keeps one connection for every check, and asks once for checks that arrive together', async () => {
    const { kafka, counts } = countingKafka(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const probe = new KafkaHealthProbe(kafka);
    for (let index = 0; index < 5; index += 1) await probe.check();
    await Promise.all(Array.from({ length: 50 }, () => probe.check()));
    expect(counts).toEqual({ admins: 1, connects: 1, questions: 6, disconnects: 0 });
    await probe.onModuleDestroy();
    expect(counts.disconnects).toBe(1);
  });

  it('drops the connection after a failed check and connects afresh for the next', async () => {
    let down = true;
    const { kafka, counts } = countingKafka(async () => {
      if (down) throw new Error('broker away');
    });
    const probe = new KafkaHealthProbe(kafka);
    await expect(probe.check()).rejects.toThrow('broker away');
    down = false;
    await probe.check();
    expect(counts).toEqual({ admins: 2, connects: 2, questions: 2, disconnects: 1 });
  });

  it('fails a check the cluster does not answer within its time', async () => {
    const { kafka } = countingKafka(() => new Promise(() => undefined));
    await expect(new KafkaHealthProbe(kafka, 50).check()).rejects.toThrow('no answer from Kafka within 50 ms');
  });
});
