import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Initiative } from './initiative.entity';
import { ProjectionFreshness } from './projection-freshness';

/** One ProjectionFreshness per service instance, shared by every module that reads the projection. */
@Module({ imports: [TypeOrmModule.forFeature([Initiative])], providers: [ProjectionFreshness], exports: [ProjectionFreshness] })
export class ProjectionFreshnessModule {}
