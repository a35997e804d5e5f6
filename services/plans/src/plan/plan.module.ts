import { Module } from '@nestjs/common';
import { PlanActualService } from './plan-actual.service';
import { PlanController } from './plan.controller';
import { PlanFeedService } from './plan-feed.service';
import { PlanImportController } from './plan-import.controller';
import { PlanImportService } from './plan-import.service';
import { PlanService } from './plan.service';
import { ScenarioController } from './scenario.controller';

@Module({ controllers: [PlanController, ScenarioController, PlanImportController], providers: [PlanService, PlanActualService, PlanFeedService, PlanImportService], exports: [PlanService] })
export class PlanModule {}
