import { Module } from '@nestjs/common';
import { PlanActualService } from './plan-actual.service';
import { PlanController } from './plan.controller';
import { PlanFeedService } from './plan-feed.service';
import { PlanService } from './plan.service';
import { ScenarioController } from './scenario.controller';

@Module({ controllers: [PlanController, ScenarioController], providers: [PlanService, PlanActualService, PlanFeedService], exports: [PlanService] })
export class PlanModule {}
