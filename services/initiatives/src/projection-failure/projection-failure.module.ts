import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectionFailureController } from './projection-failure.controller';
import { ProjectionFailure } from './projection-failure.entity';

/** The lifecycle changes the projection could not store, listed for operators. */
@Module({ imports: [TypeOrmModule.forFeature([ProjectionFailure])], controllers: [ProjectionFailureController] })
export class ProjectionFailureModule {}
