import type { OnModuleDestroy } from '@nestjs/common';
import type { Admin, Kafka } from 'kafkajs';

/**
 * Whether a broker of the cluster answers, for `/health`: one admin connection kept open and reused
 * (each anonymous `GET /health` opening a connection of its own would let anyone make the service
 * open connections at will), and one question at a time, which every check arriving meanwhile
 * shares. A failed check drops the connection, so that the next one connects afresh.
 */
export class KafkaHealthProbe implements OnModuleDestroy {
  private admin?: Admin;
  private connected = false;
  private inFlight?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly timeoutMs = 2000,
  ) {}

  check(): Promise<void> {
    this.inFlight ??= this.probe().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async onModuleDestroy(): Promise<void> {
    await this.drop();
  }

  private async probe(): Promise<void> {
    const admin = (this.admin ??= this.kafka.admin({ retry: { retries: 0 } }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Kafka within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([
        (async () => {
          if (!this.connected) {
            await admin.connect();
            this.connected = true;
          }
          await admin.describeCluster();
        })(),
        timeout,
      ]);
    } catch (error) {
      await this.drop();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async drop(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connected = false;
    await admin?.disconnect().catch(() => undefined);
  }
}
