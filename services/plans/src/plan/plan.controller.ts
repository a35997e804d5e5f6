import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting, idempotencyKey } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery } from '@tollgate/spreadsheets';
import { ForecastAccuracyQuery } from './dtos/forecast-accuracy.query';
import { ActualDemandDto, PlanCellsDto } from './dtos/plan-cells.dto';
import { CreateScenarioDto } from './dtos/scenario.dto';
import { PlanActualService } from './plan-actual.service';
import { PlanErrorAnswers } from './plan-error-answers';
import { planFileName, planSheets } from './plan-export';
import { PlanService } from './plan.service';
import type { ForecastAccuracyView, PlanView } from '@tollgate/contracts/views';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('plans')
@ApiBearerAuth()
@PlanErrorAnswers()
@Controller('org-nodes/:id')
export class PlanController {
  constructor(
    private readonly plans: PlanService,
    private readonly actuals: PlanActualService,
  ) {}

  @Put('plan')
  @Roles('admin')
  @ApiCreatedOrExisting({ created: 'the plan of record, created', existing: 'the plan of record with the cells merged in' })
  @ApiOperation({ summary: "Creates the node's plan of record (201) or merges the given cells into it (200); the currency is set at creation only" })
  async writePlan(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: PlanCellsDto,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.plans.writePlanOfRecord(principal, id, dto);
    response.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get('plan')
  @ApiOperation({ summary: "The node's plan of record: targets, demand and capacity by family and period" })
  plan(@Param('id') id: string): Promise<PlanView> {
    return this.plans.showPlanOfRecord(id);
  }

  @Get('plan/export')
  @ApiSpreadsheetFile("The node's plan of record as a spreadsheet: sheets Targets, Demand and Capacity with the cells of `GET /api/org-nodes/:id/plan`, and Notes")
  async planExport(@Param('id') id: string, @Query() query: SpreadsheetFormatQuery) {
    const plan = await this.plans.showPlanOfRecord(id);
    return spreadsheetFile(query, planFileName(plan), planSheets(plan, new Date().toISOString()));
  }

  @Post('actuals')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Posts actual demand per family and period; posting a family and period again replaces it' })
  postActuals(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: ActualDemandDto) {
    return this.actuals.post(principal, id, dto);
  }

  @Get('forecast-accuracy')
  @ApiOperation({ summary: "MAPE, weighted MAPE and bias per family: the plan of record's demand against the actuals, over periods having both" })
  forecastAccuracy(@Param('id') id: string, @Query() query: ForecastAccuracyQuery): Promise<ForecastAccuracyView> {
    return this.actuals.forecastAccuracy(id, query);
  }

  @Post('scenarios')
  @Roles('admin')
  @ApiCreatedOrExisting({ created: 'the scenario', existing: 'the scenario created before with the same Idempotency-Key' })
  @ApiOperation({ summary: "A what-if scenario: a copy of the plan of record's cells (422 without one); Idempotency-Key honoured" })
  async createScenario(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() dto: CreateScenarioDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const result = await this.plans.createScenario(principal, id, dto, idempotencyKey(key));
    response.status(result.created ? 201 : 200);
    return result.body;
  }
}
