import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, ServiceConfig } from '@tollgate/config';
import { EventConsumers } from '@tollgate/messaging';
import { configureService } from '@tollgate/platform';
import { ActivityWorkerLifecycle } from '@tollgate/temporal';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AppModule as FinanceModule } from '../../services/finance/src/app.module';
import { AppModule as InitiativesModule } from '../../services/initiatives/src/app.module';
import { AppModule as PlansModule } from '../../services/plans/src/app.module';
import { SERVICE_SCHEMAS } from './service-schemas';
import { quietTemporalRuntime } from './quiet-runtime';
import { serviceTestEnv } from './test-environment';

export type ServiceName = 'plans' | 'initiatives' | 'finance';

// Each service takes its own configuration, loaded with its own schema below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const APP_MODULES: Record<ServiceName, { forRoot(config: any): DynamicModule }> = {
  plans: PlansModule,
  initiatives: InitiativesModule,
  finance: FinanceModule,
};

/** A service running in the test process on a free port, against the real stack. */
export interface RunningService {
  name: ServiceName;
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  /** Resolves once its consumers have joined their groups and its activity worker polls. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export async function startService(name: ServiceName, extraEnv: Record<string, string> = {}, listenOn = 0): Promise<RunningService> {
  quietTemporalRuntime();
  const schema = SERVICE_SCHEMAS.find((service) => service.name === name)!;
  const config = loadConfig(schema.configSchema, serviceTestEnv(extraEnv)) as ServiceConfig;
  const app = await NestFactory.create(APP_MODULES[name].forRoot(config), { logger: ['error', 'warn'] });
  configureService(app, { title: name, description: `${name} under test` }, config);
  await app.listen(listenOn, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    name,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    dataSource: app.get(DataSource),
    ready: async () => {
      await app.get(EventConsumers).whenRunning();
      await app.get(ActivityWorkerLifecycle).ready;
    },
    close: () => app.close(),
  };
}
