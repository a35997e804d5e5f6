import { Module } from '@nestjs/common';
import { OrgNodeModule } from '../org-node/org-node.module';
import { PlanModule } from '../plan/plan.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { SopPolicyModule } from '../sop-policy/sop-policy.module';
import { OffPlanController } from './off-plan.controller';
import { OffPlanService } from './off-plan.service';

// OffPlanService is exported: pre-S&OP raises the cycle's exceptions with it.
@Module({ imports: [OrgNodeModule, PlanModule, PortfolioModule, SopPolicyModule], controllers: [OffPlanController], providers: [OffPlanService], exports: [OffPlanService] })
export class OffPlanModule {}
