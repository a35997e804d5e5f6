import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { SigningSettings } from '@tollgate/config';
import type { ProducingService } from '@tollgate/contracts';
import { EnvelopeSigner, EnvelopeVerifier } from './envelope-signing';
import { IdempotentConsumerOptions, IdempotentEventConsumer } from './idempotent-consumer';
import { createKafka, KafkaSettings } from './kafka-connection';
import { OutboxRelay } from './outbox-relay';

export interface MessagingSettings extends KafkaSettings {
  outboxPollMs: number;
  /**
   * How long the relay lets commits gather after a nudge: under load a batch
   * per commit spent five statements and a Kafka round trip on each single
   * event; a few milliseconds more before an event leaves buys batches of many.
   */
  outboxLingerMs?: number;
  /** The service whose envelopes this process signs. */
  service: ProducingService;
  topicPrefix: string;
  signing: SigningSettings;
}

const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

/**
 * Creates the service's idempotent consumers and runs them for the life of the
 * application: they start once the application is up and stop before it exits.
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventConsumers.name);
  private readonly consumers: IdempotentEventConsumer[] = [];
  private started = false;

  private readonly verifier: EnvelopeVerifier;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {
    this.verifier = new EnvelopeVerifier(settings.signing.trusted);
  }

  register(options: IdempotentConsumerOptions): IdempotentEventConsumer {
    const consumer = this.create(options);
    this.consumers.push(consumer);
    if (this.started) consumer.start();
    return consumer;
  }

  /** A consumer with this service's topic prefix and signature checks that the caller starts and stops (a replay). */
  create(options: IdempotentConsumerOptions): IdempotentEventConsumer {
    return new IdempotentEventConsumer(this.dataSource, this.kafka, {
      onError: (error) => this.logger.warn(`consumer ${options.groupId}: ${error.message}`),
      origin: { internal: this.verifier },
      topicPrefix: this.settings.topicPrefix,
      ...options,
      // Dead letters are always logged, beside whatever the consumer's owner does with outcomes.
      onOutcome: (outcome, detail) => {
        if (outcome === 'dead-lettered') {
          this.logger.warn({ msg: 'event dead-lettered', group: options.groupId, ...detail });
        }
        options.onOutcome?.(outcome, detail);
      },
    });
  }

  /** Resolves once every consumer has joined its group. */
  async whenRunning(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.whenRunning()));
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.consumers.forEach((consumer) => consumer.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}

/** Runs the outbox relay for the life of the application. */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, kafka: Kafka, @Inject(MESSAGING_SETTINGS) settings: MessagingSettings) {
    this.relay = new OutboxRelay(dataSource, kafka, {
      pollIntervalMs: settings.outboxPollMs,
      lingerMs: settings.outboxLingerMs,
      signer: EnvelopeSigner.of(settings.service, settings.signing),
      topicPrefix: settings.topicPrefix,
      onError: (error) => this.logger.warn(`outbox relay: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Kafka for a service: the client, the outbox relay and the idempotent consumers. */
@Module({})
export class MessagingModule {
  static forRoot(settings: MessagingSettings): DynamicModule {
    const logger = new Logger('Kafka');
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: settings },
        {
          provide: Kafka,
          useFactory: () =>
            createKafka(settings, (level, message, extra) => {
              const line = `${message} ${JSON.stringify(extra)}`;
              if (level === 'error') logger.error(line);
              else if (level === 'warn') logger.warn(line);
              else logger.debug(line);
            }),
        },
        OutboxRelayHost,
        EventConsumers,
      ],
      exports: [Kafka, OutboxRelayHost, EventConsumers],
    };
  }
}
