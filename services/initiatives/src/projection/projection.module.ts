import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Initiative } from './initiative.entity';
import { InitiativeProjection } from './initiative-projection.service';
import { LifecycleMetrics } from './lifecycle-metrics';
import { ProjectionFreshness } from './projection-freshness';

/**
 * The one landing place of a lifecycle change: InitiativeProjection alone writes the initiative rows, their
 * gate requests (the work queue's rows), the audit trail and the outbox, or records a change it cannot
 * store as a projection failure. The rest of the service reads what it wrote, waiting on the one
 * ProjectionFreshness of this instance for what a command answered.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Initiative])],
  providers: [InitiativeProjection, ProjectionFreshness, LifecycleMetrics],
  exports: [InitiativeProjection, ProjectionFreshness, LifecycleMetrics],
})
export class ProjectionModule {}
