import { Body, Controller, DefaultValuePipe, Get, Headers, HttpCode, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tollgate/auth';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery, SpreadsheetUpload } from '@tollgate/spreadsheets';
import { IsIn, IsOptional } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { InitiativeImportService } from './initiative-import.service';
import { initiativeCsvTemplate, initiativeTemplate } from './initiative-workbook';

interface StatusResponse {
  status(code: number): unknown;
}

export class ImportModeQuery {
  @ApiProperty({ required: false, enum: ['all', 'valid'], default: 'all', description: "all: nothing is imported unless every cell is good; valid: the good initiatives are, the rest refused" })
  @IsOptional()
  @IsIn(['all', 'valid'])
  mode?: 'all' | 'valid';
}

@ApiTags('imports')
@ApiBearerAuth()
@ApiErrorAnswers({
  notFound: 'no import of that id',
  conflict: 'the import has ended and cannot be cancelled',
  unprocessable: 'the file has bad cells, each named by sheet, row and column; nothing was imported',
})
@Controller('imports')
export class InitiativeImportController {
  constructor(private readonly imports: InitiativeImportService) {}

  @Post('initiatives')
  @Roles('pmo', 'owner')
  @ApiOperation({
    summary:
      'Imports initiatives from a spreadsheet sent as the body (xlsx, or a CSV of one row per planned value): answers 422 with every bad cell and imports nothing, or 202 with the import under way (200: the same file was imported before)',
  })
  @SpreadsheetUpload()
  @ApiResponse({ status: 202, description: 'the import, checked and under way: its progress' })
  @ApiResponse({ status: 200, description: 'the same file was uploaded in the same mode before: that import' })
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query() query: ImportModeQuery,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const answer = await this.imports.upload(principal, body, contentType, query.mode ?? 'all');
    response.status(answer.status);
    return answer.body;
  }

  @Get('initiatives/template')
  @Roles('pmo', 'owner', 'viewer', 'admin', 'sponsor', 'controller')
  @ApiSpreadsheetFile('The workbook to fill in: a sheet each for initiatives, measures, planned values, one-time costs and milestones, and notes on every column; as CSV the one table of that layout')
  template(@Query() query: SpreadsheetFormatQuery) {
    // A CSV holds one table: a row per planned value, cost or milestone, the initiative's columns on its first row.
    return query.format === 'csv'
      ? spreadsheetFile({ format: 'csv' }, 'initiatives-import-template', initiativeCsvTemplate())
      : spreadsheetFile({ format: 'xlsx' }, 'initiatives-import-template', initiativeTemplate());
  }

  @Get(':id')
  @Roles('pmo', 'owner')
  @ApiOperation({ summary: "An import's progress: initiatives read, checked, applied, unchanged and refused, and the problems found (seen by its importer and PMO)" })
  show(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.imports.show(principal, id);
  }

  @Get(':id/problems')
  @Roles('pmo', 'owner')
  @ApiOperation({ summary: "Every bad cell of an import, named by sheet, row and column, in the file's order" })
  @ApiQuery({ name: 'offset', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  problems(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('offset', new DefaultValuePipe(0), ParseIntPipe) offset: number,
    @Query('limit', new DefaultValuePipe(1000), ParseIntPipe) limit: number,
  ) {
    return this.imports.problems(principal, id, Math.max(0, offset), Math.min(Math.max(1, limit), 10_000));
  }

  @Post(':id/cancel')
  @HttpCode(202)
  @Roles('pmo', 'owner')
  @ApiOperation({ summary: 'Cancels an import under way: it stops after the step it is in; the initiatives created so far stay' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.imports.cancel(principal, id);
  }
}
