import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import type { FinanceConfig } from './config/finance.config';
import { LifecycleSignaller } from './delivery/lifecycle-signaller.service';
import { FINANCE_ENTITIES, FINANCE_MIGRATIONS } from './finance.schema';
import { LedgerModule } from './ledger/ledger.module';

@Module({})
export class AppModule {
  static forRoot(config: FinanceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: FINANCE_ENTITIES, migrations: FINANCE_MIGRATIONS }),
        StackProbeModule,
        LedgerModule,
        ActivityWorkerModule.forRoot({
          settings: config.temporal,
          taskQueue: config.temporal.taskQueue,
          imports: [StackProbeModule, LedgerModule],
          activityProviders: [StackProbeService, LifecycleSignaller],
        }),
      ],
    };
  }
}
