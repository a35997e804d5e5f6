import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainErrorFilter } from '@tollgate/platform';
import { PortfolioSummaryQuery } from './portfolio-summary.query';
import { PortfolioService } from './portfolio.service';

@ApiTags('portfolio')
@ApiBearerAuth()
@UseFilters(DomainErrorFilter)
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('summary')
  @ApiOperation({ summary: 'A node and everything under it: count, planned (the baseline from stage 3), forecast and confirmed value, in total and per stage' })
  summary(@Query() query: PortfolioSummaryQuery) {
    return this.portfolio.summary(query.orgNodeId, query.currency);
  }
}
