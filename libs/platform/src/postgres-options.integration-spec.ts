import { loadConfig, type ServiceConfig } from '@tollgate/config';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { SERVICE_SCHEMAS } from '../../../test/support/service-schemas';
import { serviceTestEnv } from '../../../test/support/test-environment';
import { postgresOptions } from './postgres-options';

// A service's connection lost while it is checked out between two statements (a transaction that
// waits on Kafka, as the outbox relay's does) must fail that transaction, not end the process: an
// 'error' event nobody listens to is fatal in Node.
describe('a service connection the database drops mid-transaction', () => {
  let service: DataSource;
  let admin: DataSource;

  beforeAll(async () => {
    const finance = SERVICE_SCHEMAS.find((schema) => schema.name === 'finance')!;
    const config = loadConfig(finance.configSchema, serviceTestEnv()) as ServiceConfig;
    service = await new DataSource(postgresOptions(config, [], [])).initialize();
    admin = await new DataSource({ type: 'postgres', url: config.database.url }).initialize();
  });

  afterAll(async () => {
    await service?.destroy();
    await admin?.destroy();
  });

  it('fails the transaction it held, and the next work gets a fresh connection', async () => {
    const runner = service.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    // Between two statements, as a transaction waiting on something else is.
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(runner.query('SELECT 1')).rejects.toThrow();
    await runner.release();
    expect(await service.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });

  it('never leaves a connection of the pool without a listener for its errors, however it was checked out', async () => {
    // The driver's own checkout (as TypeORM makes at start-up) attaches nothing: the connection's class must.
    const [connection, release] = (await (service.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
    expect(connection.listenerCount('error')).toBeGreaterThan(0);
    const [{ pid }] = (await connection.query('SELECT pg_backend_pid() AS pid')).rows;
    const failed = new Promise<void>((resolve) => connection.once('end', () => resolve()));
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await failed;
    release(new Error('terminated'));
    expect(await service.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
  });
});
