import { Kafka, logLevel, LogEntry, type SASLOptions } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** TLS to the brokers: the CA to trust, and a client certificate for mutual TLS. */
  ssl?: { ca?: string[]; cert?: string; key?: string };
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

type LogSink = (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;

/** A kafkajs client whose own logs go to the service's structured logger. */
export function createKafka(settings: KafkaSettings, sink?: LogSink): Kafka {
  const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
    [logLevel.ERROR]: 'error',
    [logLevel.WARN]: 'warn',
    [logLevel.INFO]: 'info',
    [logLevel.DEBUG]: 'debug',
  };
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    // An empty TLS object still means TLS, trusting the system's CAs (MSK, Confluent Cloud).
    ...(settings.ssl ? { ssl: settings.ssl } : {}),
    ...(settings.sasl ? { sasl: settings.sasl as SASLOptions } : {}),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        if (sink) sink(levels[level] ?? 'info', `kafka: ${message}`, extra);
      },
  });
}
