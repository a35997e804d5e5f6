import { BadRequestException, StreamableFile } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SPREADSHEET_CONTENT_TYPES, type SheetTable, type SpreadsheetFormat } from './spreadsheet-table';
import { csvOf, xlsxOf } from './workbook-writer';

/** `?format=xlsx|csv` of every export, and for CSV which of the export's tables. */
export class SpreadsheetFormatQuery {
  @ApiProperty({ required: false, enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: SpreadsheetFormat;

  @ApiProperty({ required: false, description: "CSV holds one table: the export's table of this name (default the first)" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  table?: string;
}

/**
 * An export as a download: a workbook of all its tables, or one table as
 * CSV. The file name says what it is and when it was made.
 */
export async function spreadsheetFile(query: SpreadsheetFormatQuery, baseName: string, tables: readonly SheetTable[]): Promise<StreamableFile> {
  const format = query.format ?? 'xlsx';
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    return new StreamableFile(await xlsxOf(tables), { type: SPREADSHEET_CONTENT_TYPES.xlsx, disposition: `attachment; filename="${baseName}-${stamp}.xlsx"` });
  }
  const table = query.table === undefined ? tables[0] : tables.find((candidate) => candidate.name.toLowerCase() === query.table!.toLowerCase());
  if (!table) throw new BadRequestException(`table must be one of ${tables.map((candidate) => candidate.name).join(', ')}`);
  const name = tables.length > 1 ? `${baseName}-${table.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : baseName;
  return new StreamableFile(csvOf(table), { type: SPREADSHEET_CONTENT_TYPES.csv, disposition: `attachment; filename="${name}-${stamp}.csv"` });
}
