import { BadRequestException, Controller, Get, Module, Query, type StreamableFile } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, SwaggerModule } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsString, MinLength, validateSync } from 'class-validator';
import ExcelJS from 'exceljs';
import { ApiErrorAnswers, rateLimitModule } from '@tollgate/platform';
import { ApiSpreadsheetFile } from './api-spreadsheet-file.decorator';
import { fileNamePart, spreadsheetFile, SpreadsheetFormatQuery, WithSpreadsheetFormat } from './spreadsheet-file';
import type { SheetTable } from './spreadsheet-table';
import { csvRecords } from './workbook-reader';

const byStage: SheetTable = {
  name: 'By stage',
  currency: 'EUR',
  columns: [
    { key: 'stage', header: 'Stage', kind: 'integer' },
    { key: 'planned', header: 'Planned', kind: 'money' },
    { key: 'currency', header: 'Currency', kind: 'text' },
  ],
  rows: [
    { stage: 3, planned: 123_456, currency: 'EUR' },
    { stage: 4, planned: -5_000, currency: 'EUR' },
  ],
};
const values: SheetTable = {
  name: 'Values',
  currency: 'JPY',
  columns: [
    { key: 'period', header: 'Period', kind: 'period' },
    { key: 'confirmed', header: 'Confirmed', kind: 'money' },
  ],
  rows: [{ period: '2027-03', confirmed: 4_200 }],
};

async function bytesOf(file: StreamableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const today = () => new Date().toISOString().slice(0, 10);

describe('spreadsheetFile', () => {
  it('answers a workbook of every table, money in major units of its currency, periods as the dates of their months', async () => {
    const file = await spreadsheetFile({}, 'Portfolio summary', [byStage, values]);
    const headers = file.getHeaders();
    expect(headers.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers.disposition).toBe(`attachment; filename="portfolio-summary-${today()}.xlsx"`);
    const bytes = await bytesOf(file);
    expect(headers.length).toBe(bytes.length);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['By stage', 'Values']);
    const stages = workbook.getWorksheet('By stage')!;
    expect(stages.getRow(1).values).toEqual([undefined, 'Stage', 'Planned', 'Currency']);
    expect(stages.getCell('B2').value).toBe(1234.56);
    expect(stages.getCell('B2').numFmt).toBe('#,##0.00 "EUR"');
    expect(stages.getCell('B3').value).toBe(-50);
    // JPY has no minor unit: its amounts are whole yen.
    const sheet = workbook.getWorksheet('Values')!;
    expect(sheet.getCell('B2').value).toBe(4200);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0 "JPY"');
    const period = sheet.getCell('A2').value as Date;
    expect(period).toBeInstanceOf(Date);
    expect(period.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(sheet.getCell('A2').numFmt).toBe('mmm yyyy');
  });

  it('answers one table as CSV, chosen by its name or its name in the file, the first by default', async () => {
    const first = await spreadsheetFile({ format: 'csv' }, 'portfolio-summary', [byStage, values]);
    expect(first.getHeaders()).toMatchObject({ type: 'text/csv; charset=utf-8', disposition: `attachment; filename="portfolio-summary-by-stage-${today()}.csv"` });
    expect(csvRecords((await bytesOf(first)).toString('utf8'))).toEqual([
      ['Stage', 'Planned', 'Currency'],
      ['3', '1234.56', 'EUR'],
      ['4', '-50.00', 'EUR'],
    ]);
    for (const table of ['By stage', 'by-stage', 'BY STAGE']) {
      expect((await spreadsheetFile({ format: 'csv', table }, 'summary', [byStage, values])).getHeaders().disposition).toContain('summary-by-stage-');
    }
    const second = await spreadsheetFile({ format: 'csv', table: 'values' }, 'summary', [byStage, values]);
    expect((await bytesOf(second)).toString('utf8')).toBe('Period,Confirmed\r\n2027-03,4200\r\n');
    // A single table's file is named for the export alone.
    expect((await spreadsheetFile({ format: 'csv' }, 'ledger', [values])).getHeaders().disposition).toBe(`attachment; filename="ledger-${today()}.csv"`);
  });

  it('refuses a table the export does not have, naming those it has', async () => {
    await expect(spreadsheetFile({ format: 'csv', table: 'Totals' }, 'summary', [byStage, values])).rejects.toThrow(
      new BadRequestException('table must be one of by-stage, values'),
    );
  });

  it('keeps the file name to characters a header can carry', async () => {
    expect(fileNamePart('Plan of record "Zürich" / 2027')).toBe('plan-of-record-zurich-2027');
    expect(fileNamePart('ÉÉ')).toBe('ee');
    expect(fileNamePart('日本')).toBe('export');
    expect((await spreadsheetFile({}, 'ledger "x"\r\nSet-Cookie: a', [values])).getHeaders().disposition).toBe(`attachment; filename="ledger-x-set-cookie-a-${today()}.xlsx"`);
  });
});

class NodeQuery {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  orgNodeId!: string;
}

class NodeExportQuery extends WithSpreadsheetFormat(NodeQuery) {}

describe('WithSpreadsheetFormat', () => {
  const problems = (plain: object) => validateSync(plainToInstance(NodeExportQuery, plain), { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);

  it("keeps the route's own rules and adds format and table", () => {
    expect(problems({ orgNodeId: 'n', format: 'csv', table: 'by-stage' })).toEqual([]);
    expect(problems({ orgNodeId: 'n' })).toEqual([]);
    expect(problems({ format: 'xlsx' })).toEqual(['orgNodeId']);
    expect(problems({ orgNodeId: 'n', format: 'pdf' })).toEqual(['format']);
    expect(problems({ orgNodeId: 'n', table: 'x'.repeat(101) })).toEqual(['table']);
    expect(problems({ orgNodeId: 'n', sheet: 'x' })).toEqual(['sheet']);
  });

  it('is what SpreadsheetFormatQuery is', () => {
    expect(validateSync(plainToInstance(SpreadsheetFormatQuery, { format: 'pdf' })).map((error) => error.property)).toEqual(['format']);
  });
});

@ApiErrorAnswers({ notFound: 'unknown orgNodeId' })
@Controller('portfolio')
class ExportingController {
  @Get('summary/export')
  @ApiSpreadsheetFile('The summary as a spreadsheet')
  summary(@Query() _query: NodeExportQuery) {
    return null;
  }
}

// An export is rate-limited: its guard needs the counts every service's platform provides.
@Module({ imports: [rateLimitModule({ signIn: 1, upload: 1, heavyRead: 1 })], controllers: [ExportingController] })
class ExportingModule {}

describe('ApiSpreadsheetFile', () => {
  it('documents 200 as a workbook or a CSV file, and leaves the errors JSON', async () => {
    const app = await NestFactory.create(ExportingModule, { logger: false });
    try {
      const document = SwaggerModule.createDocument(app, { openapi: '3.0.0', info: { title: 'test', version: '1' } });
      const operation = document.paths['/portfolio/summary/export'].get!;
      expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429']);
      expect((operation.responses['200'] as { content: object }).content).toEqual({
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
        'text/csv': { schema: { type: 'string' } },
      });
      for (const status of ['400', '401', '403', '404']) {
        expect(Object.keys((operation.responses[status] as { content: object }).content)).toEqual(['application/json']);
      }
      expect(operation.parameters?.map((parameter) => ('name' in parameter ? parameter.name : '')).sort()).toEqual(['format', 'orgNodeId', 'table']);
    } finally {
      await app.close();
    }
  });
});
