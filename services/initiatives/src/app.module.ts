import { DynamicModule, Module } from '@nestjs/common';
import { FeedModule } from '@tollgate/feeds';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import { AuditModule } from './audit/audit.module';
import { ImportModule } from './import/import.module';
import { InitiativeImportActivitiesService } from './import/initiative-import-activities.service';
import type { InitiativesConfig } from './config/initiatives.config';
import { InitiativeModule } from './initiative/initiative.module';
import { INITIATIVES_ENTITIES, INITIATIVES_MIGRATIONS } from './initiatives.schema';
import { ProjectionFailureModule } from './projection-failure/projection-failure.module';
import { InitiativeProjection } from './projection/initiative-projection.service';
import { ProjectionModule } from './projection/projection.module';
import { WorkModule } from './work/work.module';

@Module({})
export class AppModule {
  static forRoot(config: InitiativesConfig): DynamicModule {
    const initiatives = InitiativeModule.register(config.lifecycle.escalation);
    const imports = ImportModule.register(initiatives);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: INITIATIVES_ENTITIES, migrations: INITIATIVES_MIGRATIONS }),
        StackProbeModule,
        FeedModule.forRoot(config.feeds),
        initiatives,
        ProjectionFailureModule,
        WorkModule,
        AuditModule,
        imports,
        ActivityWorkerModule.forRoot({
          settings: config.temporal,
          taskQueue: config.temporal.taskQueue,
          imports: [StackProbeModule, ProjectionModule, imports],
          activityProviders: [StackProbeService, InitiativeProjection, InitiativeImportActivitiesService],
        }),
      ],
    };
  }
}
