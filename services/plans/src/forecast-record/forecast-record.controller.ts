import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { InitiativeForecastRecordView, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { ApiErrorAnswers } from '@tollgate/platform';
import { IsIn, IsOptional } from 'class-validator';
import { ForecastRecordService } from './forecast-record.service';

export class ValueForecastAccuracyQuery {
  @ApiProperty({ required: false, enum: ['owner', 'program'], description: 'whose forecasts are judged together; owner unless asked otherwise' })
  @IsOptional()
  @IsIn(['owner', 'program'])
  by?: 'owner' | 'program';
}

// Every signed-in role reads how good the forecasts proved, as it reads the portfolio.
@ApiTags('portfolio')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown org node' })
// An initiative nobody recorded a forecast of answers an empty record, not 404: the reviews may not have reached it yet.
@Controller()
export class ForecastRecordController {
  constructor(private readonly forecasts: ForecastRecordService) {}

  @Get('org-nodes/:id/value-forecast-accuracy')
  @ApiOperation({
    summary:
      "How well value was forecast under the node: each initiative's forecast as the node's S&OP cycles recorded it, one, three and six months ahead, against the value finance confirmed for that month; MAPE, weighted MAPE and bias per owner (or program) and horizon",
  })
  show(@Param('id') id: string, @Query() query: ValueForecastAccuracyQuery): Promise<ValueForecastAccuracyView> {
    return this.forecasts.accuracy(id, query.by ?? 'owner');
  }

  @Get('portfolio/initiatives/:initiativeId/recorded-forecasts')
  @ApiOperation({
    summary: "One initiative's value forecasts as the S&OP reviews recorded them, month by month beside the value finance confirmed, and how good they proved one, three and six months ahead",
  })
  initiative(@Param('initiativeId') initiativeId: string): Promise<InitiativeForecastRecordView> {
    return this.forecasts.ofInitiative(initiativeId);
  }
}
