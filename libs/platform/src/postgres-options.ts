import type { ServiceConfig } from '@tollgate/config';
import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

/**
 * A connection that never crashes its process when the server goes away. The pool listens for errors
 * only on the connections it holds idle; one that is checked out between two statements (a
 * transaction waiting on Kafka, say) emits its error to nobody, and Node ends the process for an
 * unhandled 'error' event. Here the error is dropped: the statement under way, or the next one, fails
 * with it, and that caller retries as it does for any lost database.
 */
export class ResilientPostgresClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * The service's data source: its own schema, migrations only (never
 * synchronize), short timeouts so a lost database shows up in /health at once.
 */
export function postgresOptions(config: ServiceConfig, entities: Function[], migrations: Function[]): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    schema: config.database.schema,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    applicationName: `tollgate-${config.service}`,
    ...(config.database.tls ? { ssl: config.database.tls } : {}),
    extra: { max: config.database.poolSize, connectionTimeoutMillis: 2000, statement_timeout: 30_000, Client: ResilientPostgresClient },
  };
}
