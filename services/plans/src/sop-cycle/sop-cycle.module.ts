import { NotificationModule } from '../notification/notification.module';
import { Module } from '@nestjs/common';
import { OrgNodeModule } from '../org-node/org-node.module';
import { PlanModule } from '../plan/plan.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { DecisionModule } from '../decision/decision.module';
import { ForecastRecordModule } from '../forecast-record/forecast-record.module';
import { OffPlanModule } from '../off-plan/off-plan.module';
import { SopActionModule } from '../sop-action/sop-action.module';
import { SopPolicyModule } from '../sop-policy/sop-policy.module';
import { SopCycleActivitiesService } from './sop-cycle-activities.service';
import { SopCycleProjection } from './sop-cycle-projection.service';
import { SopCycleSetupService } from './sop-cycle-setup.service';
import { SopCycleController } from './sop-cycle.controller';
import { SopCycleGateway } from './sop-cycle.gateway';
import { SopCycleService } from './sop-cycle.service';

@Module({
  imports: [OrgNodeModule, PlanModule, PortfolioModule, SopPolicyModule, OffPlanModule, SopActionModule, ForecastRecordModule, DecisionModule, NotificationModule],
  controllers: [SopCycleController],
  providers: [SopCycleService, SopCycleSetupService, SopCycleGateway, SopCycleProjection, SopCycleActivitiesService],
  exports: [SopCycleActivitiesService, SopCycleService],
})
export class SopCycleModule {}
