import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiCreatedOrExisting } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery, SpreadsheetUpload } from '@tollgate/spreadsheets';
import { PlanErrorAnswers } from './plan-error-answers';
import { PlanImportService } from './plan-import.service';
import { planTemplate } from './plan-workbook';

interface StatusResponse {
  status(code: number): unknown;
}

@ApiTags('plans')
@ApiBearerAuth()
@PlanErrorAnswers()
@Controller()
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  @Post('org-nodes/:id/plan/import')
  @Roles('admin')
  @ApiOperation({
    summary:
      "Merges a spreadsheet (sent as the body: xlsx with sheets Targets, Demand, Capacity as the export writes them, or a CSV of Line, Family, Period, Value) into the node's plan of record: 422 with every bad cell and nothing changed; 200 when the same file was imported before",
  })
  @SpreadsheetUpload()
  @ApiCreatedOrExisting({ created: 'the plan with the cells merged in', existing: 'the same file was imported into this plan before: nothing changed' })
  async intoRecord(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Headers('content-type') type: string | undefined, @Res({ passthrough: true }) response: StatusResponse) {
    const answer = await this.imports.intoRecord(principal, id, body, type);
    response.status(answer.status);
    return answer.body;
  }

  @Post('scenarios/:id/import')
  @Roles('admin')
  @ApiOperation({ summary: 'Merges a spreadsheet into a scenario, as into a plan of record' })
  @SpreadsheetUpload()
  @ApiCreatedOrExisting({ created: 'the scenario with the cells merged in', existing: 'the same file was imported into this scenario before: nothing changed' })
  async intoScenario(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown, @Headers('content-type') type: string | undefined, @Res({ passthrough: true }) response: StatusResponse) {
    const answer = await this.imports.intoScenario(principal, id, body, type);
    response.status(answer.status);
    return answer.body;
  }

  @Get('plan-imports/template')
  @ApiSpreadsheetFile('The file a plan import takes, with notes on every column: a workbook, or the CSV table')
  template(@Query() query: SpreadsheetFormatQuery) {
    return spreadsheetFile({ format: query.format ?? 'xlsx' }, 'plan-import-template', planTemplate(query.format ?? 'xlsx'));
  }
}
