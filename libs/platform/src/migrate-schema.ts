import type { ServiceConfig } from '@tollgate/config';
import { DataSource } from 'typeorm';
import { AppliedEvent, OutboxMessage } from '@tollgate/messaging';
import { postgresOptions } from './postgres-options';

/** The full entity list of a service: its own and the outbox and inbox every service has. */
export function serviceEntities(entities: Function[]): Function[] {
  return [...entities, OutboxMessage, AppliedEvent];
}

/** Opens a data source on the service's schema, creating the schema if it is missing. */
export async function openDataSource(config: ServiceConfig, entities: Function[], migrations: Function[]): Promise<DataSource> {
  const dataSource = new DataSource(postgresOptions(config, serviceEntities(entities), migrations));
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${config.database.schema}"`);
  return dataSource;
}

/** Applies the service's pending migrations, each in its own transaction. */
export async function migrateSchema(config: ServiceConfig, entities: Function[], migrations: Function[]): Promise<string[]> {
  const dataSource = await openDataSource(config, entities, migrations);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The statements that would bring the schema in line with the entities: empty when migrations and entities agree. */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
