import { DynamicModule, Module } from '@nestjs/common';
import { FeedModule } from '@tollgate/feeds';
import { PlatformModule, StackProbeModule, StackProbeService } from '@tollgate/platform';
import { ActivityWorkerModule } from '@tollgate/temporal';
import { CockpitModule } from './cockpit/cockpit.module';
import type { PlansConfig } from './config/plans.config';
import { OrgNodeModule } from './org-node/org-node.module';
import { PlanModule } from './plan/plan.module';
import { PLANS_ENTITIES, PLANS_MIGRATIONS } from './plans.schema';
import { PortfolioModule } from './portfolio/portfolio.module';
import { DecisionCheckActivitiesService } from './decision/decision-check-activities.service';
import { DecisionModule } from './decision/decision.module';
import { ForecastRecordModule } from './forecast-record/forecast-record.module';
import { NotificationModule } from './notification/notification.module';
import { OffPlanModule } from './off-plan/off-plan.module';
import { SopPapersModule } from './sop-papers/sop-papers.module';
import { SopActionActivitiesService } from './sop-action/sop-action-activities.service';
import { SopActionModule } from './sop-action/sop-action.module';
import { SopCycleActivitiesService } from './sop-cycle/sop-cycle-activities.service';
import { SopCycleModule } from './sop-cycle/sop-cycle.module';
import { SopWorkModule } from './work/sop-work.module';
import { SopPolicyModule } from './sop-policy/sop-policy.module';
import { TargetWaterfallModule } from './target-waterfall/target-waterfall.module';

@Module({})
export class AppModule {
  static forRoot(config: PlansConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config, entities: PLANS_ENTITIES, migrations: PLANS_MIGRATIONS }),
        StackProbeModule,
        FeedModule.forRoot(config.feeds),
        OrgNodeModule,
        PortfolioModule,
        PlanModule,
        SopPolicyModule,
        SopCycleModule,
        SopActionModule,
        OffPlanModule,
        ForecastRecordModule,
        DecisionModule,
        SopWorkModule,
        TargetWaterfallModule,
        NotificationModule,
        SopPapersModule,
        CockpitModule.forRoot(config),
        ActivityWorkerModule.forRoot({
          settings: config.temporal,
          taskQueue: config.temporal.taskQueue,
          imports: [StackProbeModule, SopCycleModule, SopActionModule, DecisionModule],
          activityProviders: [StackProbeService, SopCycleActivitiesService, SopActionActivitiesService, DecisionCheckActivitiesService],
        }),
      ],
    };
  }
}
