import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ForecastJudgedBy, InitiativeForecastRecordView, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { ApiErrorAnswers } from '@tollgate/platform';
import { IsIn, IsOptional } from 'class-validator';
import { ApiSpreadsheetFile, spreadsheetFile, WithSpreadsheetFormat } from '@tollgate/spreadsheets';
import { OrgNodeService } from '../org-node/org-node.service';
import { forecastAccuracySheets } from './forecast-accuracy-export';
import { ForecastRecordService } from './forecast-record.service';

const JUDGED_BY: readonly ForecastJudgedBy[] = ['owner', 'program', 'unit'];

export class ValueForecastAccuracyQuery {
  @ApiProperty({ required: false, enum: JUDGED_BY, description: 'whose forecasts are judged together (an owner, a program, or a business unit with everything under it); owner unless asked otherwise' })
  @IsOptional()
  @IsIn(JUDGED_BY)
  by?: ForecastJudgedBy;
}

export class ValueForecastAccuracyExportQuery extends WithSpreadsheetFormat(ValueForecastAccuracyQuery) {}

// Every signed-in role reads how good the forecasts proved, as it reads the portfolio.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown org node' })
// An initiative nobody recorded a forecast of answers an empty record, not 404: the reviews may not have reached it yet.
@Controller()
export class ForecastRecordController {
  constructor(
    private readonly forecasts: ForecastRecordService,
    private readonly nodes: OrgNodeService,
  ) {}

  @Get('org-nodes/:id/value-forecast-accuracy')
  @ApiOperation({
    summary:
      "How well value was forecast under the node: each initiative's forecast as the node's S&OP cycles recorded it, one, three and six months ahead, against the value finance confirmed for that month; MAPE, weighted MAPE and bias per owner, program or business unit and horizon",
  })
  show(@Param('id') id: string, @Query() query: ValueForecastAccuracyQuery): Promise<ValueForecastAccuracyView> {
    return this.forecasts.accuracy(id, query.by ?? 'owner');
  }

  @Get('org-nodes/:id/value-forecast-accuracy/export')
  @ApiSpreadsheetFile(
    'How well value was forecast under the node, as `GET /api/org-nodes/:id/value-forecast-accuracy` judges it: MAPE, weighted MAPE and bias per owner, program or unit and horizon (Accuracy), and Notes',
  )
  async export(@Param('id') id: string, @Query() query: ValueForecastAccuracyExportQuery) {
    const node = await this.nodes.get(id);
    const view = await this.forecasts.accuracy(id, query.by ?? 'owner');
    return spreadsheetFile(query, `forecast-accuracy-${view.by}-${view.asOf}`, forecastAccuracySheets(view, node.name, new Date().toISOString()));
  }

  @Get('portfolio/initiatives/:initiativeId/recorded-forecasts')
  @ApiOperation({
    summary: "One initiative's value forecasts as the S&OP reviews recorded them, month by month beside the value finance confirmed, and how good they proved one, three and six months ahead",
  })
  initiative(@Param('initiativeId') initiativeId: string): Promise<InitiativeForecastRecordView> {
    return this.forecasts.ofInitiative(initiativeId);
  }
}
