import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@tollgate/auth';
import type { ServiceConfig } from '@tollgate/config';
import { KafkaHealthProbe, MessagingModule } from '@tollgate/messaging';
import {
  createMetricsRegistry,
  DEPENDENCY_CHECKS,
  DependencyCheck,
  HealthController,
  HttpMetricsInterceptor,
  loggerOptions,
  MetricsController,
  TracingShutdown,
} from '@tollgate/observability';
import { checkTemporal, TemporalClientModule } from '@tollgate/temporal';
import { Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { LoggerModule } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { serviceEntities } from './migrate-schema';
import { postgresOptions } from './postgres-options';
import { rateLimitModule } from './rate-limit';
import { SERVICE_CONFIG } from './service-config.token';

export interface PlatformOptions {
  config: ServiceConfig;
  /** The service's own entities; the outbox and inbox are added. */
  entities: Function[];
  migrations: Function[];
}

/**
 * What every Tollgate service stands on: logs, metrics, health, its database
 * schema, Kafka with outbox and inbox, the Temporal client and the JWT guard.
 */
@Module({})
export class PlatformModule {
  static forRoot({ config, entities, migrations }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(config.service, config.logLevel)),
        TerminusModule.forRoot({ logger: false }),
        TypeOrmModule.forRoot(postgresOptions(config, serviceEntities(entities), migrations)),
        MessagingModule.forRoot({ ...config.kafka, service: config.service }),
        TemporalClientModule.forRoot(config.temporal),
        rateLimitModule(config.rateLimits),
        AuthModule.forRoot(config.auth.jwksUrl ? { jwksUrl: config.auth.jwksUrl } : { jwtSecret: config.auth.jwtSecret! }, {
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          rolesClaim: config.auth.rolesClaim,
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: Registry, useFactory: () => createMetricsRegistry(config.service) },
        { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
        TracingShutdown,
        { provide: KafkaHealthProbe, inject: [Kafka], useFactory: (kafka: Kafka) => new KafkaHealthProbe(kafka) },
        {
          provide: DEPENDENCY_CHECKS,
          inject: [DataSource, KafkaHealthProbe, Connection],
          useFactory: (dataSource: DataSource, kafka: KafkaHealthProbe, connection: Connection): DependencyCheck[] => [
            { name: 'database', check: () => checkDatabase(dataSource) },
            { name: 'kafka', check: () => kafka.check() },
            { name: 'temporal', check: () => checkTemporal(connection) },
          ],
        },
      ],
      exports: [SERVICE_CONFIG, Registry],
    };
  }
}

async function checkDatabase(dataSource: DataSource): Promise<void> {
  if (!dataSource.isInitialized) throw new Error('database connection not initialized');
  await dataSource.query('SELECT 1');
}
