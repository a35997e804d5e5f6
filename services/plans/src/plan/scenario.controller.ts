import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery } from '@tollgate/spreadsheets';
import { PlanCellsDto } from './dtos/plan-cells.dto';
import { PromotionDto } from './dtos/scenario.dto';
import { PlanErrorAnswers } from './plan-error-answers';
import { planFileName, planSheets } from './plan-export';
import { PlanService } from './plan.service';

@ApiTags('plans')
@ApiBearerAuth()
@PlanErrorAnswers()
@Controller('scenarios/:id')
export class ScenarioController {
  constructor(private readonly plans: PlanService) {}

  @Get()
  @ApiOperation({ summary: 'A scenario with its cells; after a promotion, the plan it became' })
  show(@Param('id') id: string) {
    return this.plans.show(id);
  }

  @Get('export')
  @ApiSpreadsheetFile('A scenario (or the plan it became) as a spreadsheet: sheets Targets, Demand and Capacity with the cells of `GET /api/scenarios/:id`, and Notes')
  async export(@Param('id') id: string, @Query() query: SpreadsheetFormatQuery) {
    const plan = await this.plans.show(id);
    return spreadsheetFile(query, planFileName(plan), planSheets(plan, new Date().toISOString()));
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Merges cells into a scenario; 409 once it is no scenario any more' })
  write(@Param('id') id: string, @Body() dto: PlanCellsDto) {
    return this.plans.writeScenario(id, dto);
  }

  @Get('comparison')
  @ApiOperation({ summary: "Each cell where the scenario departs from the node's plan of record, and the totals of each line" })
  comparison(@Param('id') id: string) {
    return this.plans.comparison(id);
  }

  @Post('promotion')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Decides that the scenario becomes the plan of record; the old record is superseded; a rationale is required' })
  promote(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: PromotionDto) {
    return this.plans.promote(principal, id, dto.rationale);
  }
}
