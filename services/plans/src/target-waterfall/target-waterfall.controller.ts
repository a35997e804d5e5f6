import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile } from '@tollgate/spreadsheets';
import { targetWaterfallSheets } from './target-waterfall-export';
import { TargetWaterfallExportQuery } from './target-waterfall-export.query';
import { TargetWaterfallQuery } from './target-waterfall.query';
import { TargetWaterfallService } from './target-waterfall.service';
import type { TargetWaterfallView } from '@tollgate/contracts/views';

// Every signed-in role reads it, as the rest of the portfolio.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown orgNodeId' })
@Controller('portfolio')
export class TargetWaterfallController {
  constructor(private readonly waterfall: TargetWaterfallService) {}

  @Get('waterfall')
  @ApiOperation({
    summary:
      "The node's target over the periods (its plan of record), then the planned value standing at each DoI stage from 5 (counted at confirmed value) down to 0, then the gap still to find",
  })
  show(@Query() query: TargetWaterfallQuery): Promise<TargetWaterfallView> {
    return this.waterfall.waterfall(query.orgNodeId, query.from, query.to, query.currency);
  }

  @Get('waterfall/export')
  @ApiSpreadsheetFile('The waterfall as a spreadsheet: sheet Waterfall with the steps of `GET /api/portfolio/waterfall`, and Notes')
  async export(@Query() query: TargetWaterfallExportQuery) {
    const waterfall = await this.waterfall.waterfall(query.orgNodeId, query.from, query.to, query.currency);
    return spreadsheetFile(query, 'target-waterfall', targetWaterfallSheets(waterfall, new Date().toISOString()));
  }
}
