import { Module } from '@nestjs/common';
import { PlanModule } from '../plan/plan.module';
import { PortfolioModule } from '../portfolio/portfolio.module';
import { TargetWaterfallController } from './target-waterfall.controller';
import { TargetWaterfallService } from './target-waterfall.service';

@Module({ imports: [PlanModule, PortfolioModule], controllers: [TargetWaterfallController], providers: [TargetWaterfallService] })
export class TargetWaterfallModule {}
