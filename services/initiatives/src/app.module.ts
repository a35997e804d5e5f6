import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import { INITIATIVES_ENTITIES, INITIATIVES_MIGRATIONS } from './initiatives.schema';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: INITIATIVES_ENTITIES, migrations: INITIATIVES_MIGRATIONS }),
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
