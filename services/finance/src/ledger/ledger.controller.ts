import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorAnswers } from '@tollgate/platform';
import { ApiSpreadsheetFile, spreadsheetFile, SpreadsheetFormatQuery } from '@tollgate/spreadsheets';
import { LedgerExportQuery, RealizationQuery } from './dtos/ledger-export.query';
import { initiativeLedgerSheets } from './initiative-ledger-export';
import { toCsv } from './ledger-csv';
import { LedgerExportRow, LedgerService } from './ledger.service';
import type { InitiativeLedgerView } from '@tollgate/contracts/views';

interface ExportResponse {
  setHeader(name: string, value: string): unknown;
}

const EXPORT_COLUMNS: (keyof LedgerExportRow & string)[] = ['initiativeId', 'code', 'programId', 'currency', 'period', 'planned', 'forecast', 'confirmed'];

@ApiTags('ledger')
@ApiBearerAuth()
@ApiErrorAnswers({ notFound: 'unknown initiative' })
@Controller()
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('initiatives/:id/ledger')
  @ApiOperation({ summary: 'Planned (the baseline from stage 3), forecast and confirmed value per period, with realization figures' })
  ledgerOf(@Param('id') id: string): Promise<InitiativeLedgerView> {
    return this.ledger.ledgerOf(id);
  }

  @Get('initiatives/:id/ledger/export')
  @ApiSpreadsheetFile("An initiative's ledger as a spreadsheet: sheets Ledger (each period) and Totals (with the realization figures) of `GET /api/initiatives/:id/ledger`, and Notes")
  async ledgerExport(@Param('id') id: string, @Query() query: SpreadsheetFormatQuery) {
    const ledger = await this.ledger.ledgerOf(id);
    return spreadsheetFile(query, `ledger-${ledger.code}`, initiativeLedgerSheets(ledger, new Date().toISOString()));
  }

  @Get('ledger')
  @ApiOperation({ summary: 'The ledger across initiatives for a period range, as JSON or CSV' })
  async export(@Query() query: LedgerExportQuery, @Res({ passthrough: true }) response: ExportResponse) {
    const rows = await this.ledger.export(query.from, query.to, query.programId);
    if (query.format === 'csv') {
      response.setHeader('content-type', 'text/csv; charset=utf-8');
      response.setHeader('content-disposition', `attachment; filename="tollgate-ledger-${query.from}-${query.to}.csv"`);
      return toCsv(EXPORT_COLUMNS, rows);
    }
    return { from: query.from, to: query.to, programId: query.programId ?? null, rows };
  }

  @Get('realization')
  @ApiOperation({ summary: 'Benefit realization rate, value leakage and confirmations awaited, per initiative and rolled up per currency' })
  realization(@Query() query: RealizationQuery) {
    return this.ledger.realization(query.programId);
  }
}
