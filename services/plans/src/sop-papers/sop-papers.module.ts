import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { PlanModule } from '../plan/plan.module';
import { SopCycleModule } from '../sop-cycle/sop-cycle.module';
import { SopPapersController } from './sop-papers.controller';
import { SopPapersService } from './sop-papers.service';

@Module({
  imports: [SopCycleModule, PlanModule, NotificationModule],
  controllers: [SopPapersController],
  providers: [SopPapersService],
})
export class SopPapersModule {}
