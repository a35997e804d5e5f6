import { DynamicModule, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionOptions, type TemporalSettings } from './temporal-settings';
import { clientTracingInterceptors } from './temporal-tracing';

/** Closes the lazy client connection when the application stops. */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }
}

/** Succeeds when the Temporal frontend answers within the timeout. */
export async function checkTemporal(connection: Connection, timeoutMs = 2000): Promise<void> {
  await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
}

/**
 * The Temporal client for a service. The connection is lazy, so a service
 * starts while Temporal is still coming up and reports it in /health.
 */
@Module({})
export class TemporalClientModule {
  static forRoot(settings: TemporalSettings): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: Connection, useFactory: () => Connection.lazy(temporalConnectionOptions(settings)) },
        {
          provide: Client,
          useFactory: (connection: Connection) => new Client({ connection, namespace: settings.namespace, interceptors: { workflow: clientTracingInterceptors() } }),
          inject: [Connection],
        },
        TemporalConnectionCloser,
      ],
      exports: [Connection, Client],
    };
  }
}
