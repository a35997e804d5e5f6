import { DynamicModule, Module } from '@nestjs/common';
import type { EscalationPolicy } from '@tollgate/domain';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { ProgramModule } from '../program/program.module';
import { ProjectionFailureController } from '../projection-failure/projection-failure.controller';
import { ProjectionFailure } from '../projection-failure/projection-failure.entity';
import { WorkQueueController } from '../work/work-queue.controller';
import { WorkQueueService } from '../work/work-queue.service';
import { InitiativeController } from './initiative.controller';
import { Initiative } from './initiative.entity';
import { InitiativeProjection } from './initiative-projection.service';
import { ESCALATION_POLICY, InitiativeService } from './initiative.service';
import { LifecycleGateway } from './lifecycle-gateway';
import { LifecycleMetrics } from './lifecycle-metrics';
import { MeasureForecastFeed } from './measure-forecast-feed.service';
import { ProjectionFreshnessModule } from './projection-freshness.module';

@Module({})
export class InitiativeModule {
  /** `escalation`: the grace periods that new lifecycles start with. */
  static register(escalation: EscalationPolicy): DynamicModule {
    return {
      module: InitiativeModule,
      imports: [TypeOrmModule.forFeature([Initiative, GateRequestRecord, AuditEntry, ProjectionFailure]), ProgramModule, ProjectionFreshnessModule],
      controllers: [InitiativeController, ProjectionFailureController, WorkQueueController],
      providers: [InitiativeService, MeasureForecastFeed, WorkQueueService, InitiativeProjection, LifecycleGateway, LifecycleMetrics, { provide: ESCALATION_POLICY, useValue: escalation }],
      exports: [InitiativeProjection, InitiativeService],
    };
  }
}
