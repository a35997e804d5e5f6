import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ListProjectionFailuresQuery } from './list-projection-failures.query';
import { ProjectionFailure } from './projection-failure.entity';

@ApiTags('operations')
@ApiBearerAuth()
@ApiErrorAnswers()
@Controller('projection-failures')
export class ProjectionFailureController {
  constructor(@InjectRepository(ProjectionFailure) private readonly failures: Repository<ProjectionFailure>) {}

  @Get()
  @Roles('admin', 'pmo')
  @ApiOperation({ summary: 'Lifecycle changes the projection could not store, newest first, with the reason: what an initiative page is missing' })
  async list(@Query() query: ListProjectionFailuresQuery) {
    const rows = await this.failures.find({
      where: query.initiativeId ? { initiativeId: query.initiativeId } : {},
      order: { id: 'DESC' },
      take: 200,
    });
    return {
      items: rows.map((row) => ({
        initiativeId: row.initiativeId,
        revisions: { first: row.firstRevision, last: row.lastRevision },
        actions: row.actions.split(','),
        reason: row.reason,
        workflowId: row.workflowId,
        failedAt: row.failedAt.toISOString(),
      })),
    };
  }
}
