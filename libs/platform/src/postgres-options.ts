import type { ServiceConfig } from '@tollgate/config';
import type { DataSourceOptions } from 'typeorm';

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
    extra: { max: config.database.poolSize, connectionTimeoutMillis: 2000, statement_timeout: 30_000 },
  };
}
