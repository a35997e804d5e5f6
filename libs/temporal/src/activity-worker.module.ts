import {
  DynamicModule,
  Injectable,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  Type,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ActivityProvider, ActivityWorkerHost } from './activity-worker.host';
import type { TemporalSettings } from './temporal-settings';

export interface ActivityWorkerModuleOptions {
  settings: TemporalSettings;
  taskQueue: string;
  /** Modules that export the activity providers. */
  imports: ModuleMetadata['imports'];
  activityProviders: Type<ActivityProvider>[];
}

/** The running worker of the service; `ready` resolves once it polls. */
@Injectable()
export class ActivityWorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private host?: ActivityWorkerHost;
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly options: ActivityWorkerModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    const activities = Object.assign(
      {},
      ...this.options.activityProviders.map((type) => this.moduleRef.get(type, { strict: false }).activities()),
    );
    this.host = new ActivityWorkerHost({ ...this.options.settings, taskQueue: this.options.taskQueue, activities });
    this.host.start();
    void this.host.ready.then(this.readyResolve);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.host?.stop();
  }
}

/** Binds a service's activity providers into a Temporal worker on the service's task queue. */
@Module({})
export class ActivityWorkerModule {
  static forRoot(options: ActivityWorkerModuleOptions): DynamicModule {
    return {
      module: ActivityWorkerModule,
      imports: options.imports,
      providers: [
        {
          provide: ActivityWorkerLifecycle,
          useFactory: (moduleRef: ModuleRef) => new ActivityWorkerLifecycle(moduleRef, options),
          inject: [ModuleRef],
        },
      ],
      exports: [ActivityWorkerLifecycle],
    };
  }
}
