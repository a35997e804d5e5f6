import { Module } from '@nestjs/common';
import { StackProbeController } from './stack-probe.controller';
import { StackProbeService } from './stack-probe.service';

@Module({
  controllers: [StackProbeController],
  providers: [StackProbeService],
  exports: [StackProbeService],
})
export class StackProbeModule {}
