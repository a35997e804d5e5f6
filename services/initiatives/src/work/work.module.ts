import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { Initiative } from '../projection/initiative.entity';
import { ProjectionModule } from '../projection/projection.module';
import { WorkQueueController } from './work-queue.controller';
import { WorkQueueService } from './work-queue.service';

/** What awaits a person's decision, read from the projection. */
@Module({
  imports: [TypeOrmModule.forFeature([GateRequestRecord, Initiative]), ProjectionModule],
  controllers: [WorkQueueController],
  providers: [WorkQueueService],
})
export class WorkModule {}
