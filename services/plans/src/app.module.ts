import { DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import { OrgNodeModule } from './org-node/org-node.module';
import { PLANS_ENTITIES, PLANS_MIGRATIONS } from './plans.schema';
import { PortfolioModule } from './portfolio/portfolio.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: PLANS_ENTITIES, migrations: PLANS_MIGRATIONS }),
        StackProbeModule,
        OrgNodeModule,
        PortfolioModule,
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
