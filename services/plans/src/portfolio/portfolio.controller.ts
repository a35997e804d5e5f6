import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile } from '@tollgate/spreadsheets';
import { portfolioSummarySheets, portfolioValuesSheets } from './portfolio-export';
import { PortfolioSummaryExportQuery, PortfolioValuesExportQuery } from './portfolio-export.query';
import { PortfolioInitiativesQuery, PortfolioListQuery, PortfolioSummaryQuery } from './portfolio-summary.query';
import { PortfolioValuesQuery } from './portfolio-values.query';
import { PortfolioService } from './portfolio.service';
import type { PhantomProgressView, PortfolioInitiativesView, PortfolioRealizationView, PortfolioSummaryView, PortfolioValuesView } from '@tollgate/contracts/views';

// Every signed-in role reads the portfolio: no @Roles on these routes, the JWT guard alone.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown orgNodeId' })
@Controller('portfolio')
export class PortfolioController {
  constructor(private readonly portfolio: PortfolioService) {}

  @Get('summary')
  @ApiOperation({ summary: 'A node and everything under it: count, planned (the baseline from stage 3), forecast and confirmed value, in total and per stage' })
  summary(@Query() query: PortfolioSummaryQuery): Promise<PortfolioSummaryView> {
    return this.portfolio.summary(query.orgNodeId, query.currency);
  }

  @Get('summary/export')
  @ApiSpreadsheetFile('The summary as a spreadsheet: sheets By stage and Total with the figures of `GET /api/portfolio/summary`, and Notes')
  async summaryExport(@Query() query: PortfolioSummaryExportQuery) {
    const summary = await this.portfolio.summary(query.orgNodeId, query.currency);
    return spreadsheetFile(query, 'portfolio-summary', portfolioSummarySheets(summary, new Date().toISOString()));
  }

  @Get('initiatives')
  @ApiOperation({
    summary: "The initiatives a node's figures are made of (not cancelled, in the currency), of one stage or all, the largest planned value first, each with its planned, forecast and confirmed value; `total` counts them",
  })
  initiatives(@Query() query: PortfolioInitiativesQuery): Promise<PortfolioInitiativesView> {
    return this.portfolio.initiativesOf(query.orgNodeId, query.currency, query.stage, query.limit);
  }

  @Get('realization')
  @ApiOperation({
    summary:
      'Benefit realization under a node: the baseline of initiatives decided (stage ≥ 3, not cancelled), value confirmed for them, their ratio (null without a baseline), and leakage (baseline − confirmed) over the closed ones; `closedTotal` counts the closed ones, `closed` lists the `limit` largest leaks',
  })
  realization(@Query() query: PortfolioListQuery): Promise<PortfolioRealizationView> {
    return this.portfolio.realization(query.orgNodeId, query.currency, query.limit);
  }

  @Get('phantom-progress')
  @ApiOperation({
    summary:
      'Initiatives under a node whose progress is not what it seems, each with its reasons: implemented with no value confirmed past TOLLGATE_PHANTOM_UNCONFIRMED_AFTER, or on track while the forecast is under plan; `total` counts them, the `limit` with the widest gap between plan and forecast or confirmed are listed',
  })
  phantomProgress(@Query() query: PortfolioListQuery): Promise<PhantomProgressView> {
    return this.portfolio.phantomProgress(query.orgNodeId, query.currency, query.limit);
  }

  @Get('values')
  @ApiOperation({ summary: 'Planned, forecast and confirmed value of every period from `from` to `to` (at most 120), summed over a node and everything under it; with `by=stage`, each period split by DoI stage too' })
  values(@Query() query: PortfolioValuesQuery): Promise<PortfolioValuesView> {
    return this.portfolio.values(query.orgNodeId, query.currency, query.from, query.to, query.by === 'stage');
  }

  @Get('values/export')
  @ApiSpreadsheetFile('Values per period as a spreadsheet: sheet Values with the figures of `GET /api/portfolio/values`, with `by=stage` also By stage, and Notes')
  async valuesExport(@Query() query: PortfolioValuesExportQuery) {
    const values = await this.portfolio.values(query.orgNodeId, query.currency, query.from, query.to, query.by === 'stage');
    return spreadsheetFile(query, 'portfolio-values', portfolioValuesSheets(values, new Date().toISOString()));
  }
}
