import { DynamicModule, Module } from '@nestjs/common';
import type { EscalationPolicy } from '@tollgate/domain';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { ProgramModule } from '../program/program.module';
import { AuditEntry } from '../projection/audit-entry.entity';
import { Initiative } from '../projection/initiative.entity';
import { ProjectionModule } from '../projection/projection.module';
import { InitiativeController } from './initiative.controller';
import { ESCALATION_POLICY, InitiativeService } from './initiative.service';
import { LifecycleGateway } from './lifecycle-gateway';
import { MeasureForecastFeed } from './measure-forecast-feed.service';

@Module({})
export class InitiativeModule {
  /** `escalation`: the grace periods that new lifecycles start with. */
  static register(escalation: EscalationPolicy): DynamicModule {
    return {
      module: InitiativeModule,
      imports: [TypeOrmModule.forFeature([Initiative, GateRequestRecord, AuditEntry]), ProgramModule, ProjectionModule],
      controllers: [InitiativeController],
      providers: [InitiativeService, MeasureForecastFeed, LifecycleGateway, { provide: ESCALATION_POLICY, useValue: escalation }],
      exports: [InitiativeService],
    };
  }
}
