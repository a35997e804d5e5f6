import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import { FINANCE_ENTITIES, FINANCE_MIGRATIONS } from './finance.schema';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        StackProbeModule,
        ActivityWorkerModule.forRoot({
          settings: config.temporal,
          taskQueue: config.temporal.taskQueue,
          imports: [StackProbeModule],
          activityProviders: [StackProbeService],
        }),
      ],
    };
  }
}
