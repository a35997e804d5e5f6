import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DecisionLogView } from '@tollgate/contracts/views';
import { ApiErrorAnswers } from '@tollgate/platform';
import { DecisionLogQuery } from './decision-log.query';
import { DecisionLogService } from './decision-log.service';

// Every signed-in role reads the decisions and whether they worked.
@ApiTags('S&OP cycles')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown org node' })
@Controller('sop-decisions')
export class DecisionLogController {
  constructor(private readonly decisions: DecisionLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'The decision log across cycles, newest first: each decision with its rationale, what carrying it out did, the figure it expected by a date and whether it held; per node the share of checked decisions that met their claim',
  })
  log(@Query() query: DecisionLogQuery): Promise<DecisionLogView> {
    return this.decisions.log(query);
  }
}
