import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { OrgNodeModule } from '../org-node/org-node.module';
import { PlanModule } from '../plan/plan.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { DecisionCheckActivitiesService } from './decision-check-activities.service';
import { DecisionCheckGateway } from './decision-check.gateway';
import { DecisionCheckService } from './decision-check.service';
import { DecisionLogController } from './decision-log.controller';
import { DecisionLogService } from './decision-log.service';

// The gateway is exported: the cycle follows a decision's expected effect through it.
@Module({
  imports: [OrgNodeModule, PlanModule, PortfolioModule, NotificationModule],
  controllers: [DecisionLogController],
  providers: [DecisionCheckService, DecisionCheckGateway, DecisionCheckActivitiesService, DecisionLogService],
  exports: [DecisionCheckGateway, DecisionCheckActivitiesService],
})
export class DecisionModule {}
