import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers, DomainErrorFilter } from '@tollgate/platform';
import { TargetWaterfallQuery } from './target-waterfall.query';
import { TargetWaterfallService } from './target-waterfall.service';

// Every signed-in role reads it, as the rest of the portfolio.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown orgNodeId' })
@UseFilters(DomainErrorFilter)
@Controller('portfolio')
export class TargetWaterfallController {
  constructor(private readonly waterfall: TargetWaterfallService) {}

  @Get('waterfall')
  @ApiOperation({
    summary:
      "The node's target over the periods (its plan of record), then the planned value standing at each DoI stage from 5 (counted at confirmed value) down to 0, then the gap still to find",
  })
  show(@Query() query: TargetWaterfallQuery) {
    return this.waterfall.waterfall(query.orgNodeId, query.from, query.to, query.currency);
  }
}
