import { BadRequestException, StreamableFile } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SPREADSHEET_CONTENT_TYPES, type SheetTable, type SpreadsheetFormat } from './spreadsheet-table';
import { csvOf, xlsxOf } from './workbook-writer';

// A mixin's constructor must take `any[]` (TS2545); the query classes take no arguments anyway.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type QueryClass = new (...args: any[]) => object;

const TABLE_DESCRIPTION = "CSV holds one table: the export's table of this name, or of its name in the file name (`by-stage` for By stage); default the first";

/**
 * A JSON route's query with `format` and `table` beside its own fields, for
 * the export next to it: the same rules from the same class, and no field
 * the ValidationPipe would refuse as unknown.
 */
export function WithSpreadsheetFormat<Query extends QueryClass>(Base: Query) {
  class WithFormat extends Base {
    @ApiProperty({ required: false, enum: ['xlsx', 'csv'], default: 'xlsx' })
    @IsOptional()
    @IsIn(['xlsx', 'csv'])
    format?: SpreadsheetFormat;

    @ApiProperty({ required: false, description: TABLE_DESCRIPTION })
    @IsOptional()
    @IsString()
    @MaxLength(100)
    table?: string;
  }
  return WithFormat;
}

/** `?format=xlsx|csv` of every export, and for CSV which of the export's tables. */
export class SpreadsheetFormatQuery extends WithSpreadsheetFormat(class {}) {}

/** A name as a file name and a `table` value take it: lower case ASCII letters and digits, words joined by `-`. */
export function fileNamePart(name: string): string {
  return (
    name
      .normalize('NFKD')
      // The accents NFKD splits off: Zürich is zurich, not zu-rich.
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export'
  );
}

/**
 * An export as a download: a workbook of all its tables, or one table as
 * CSV. The file name says what it is and when it was made.
 */
export async function spreadsheetFile(query: SpreadsheetFormatQuery, baseName: string, tables: readonly SheetTable[]): Promise<StreamableFile> {
  const format = query.format ?? 'xlsx';
  const stamp = new Date().toISOString().slice(0, 10);
  // Only safe characters in the header: a quote or a character outside Latin-1 would break it.
  const base = fileNamePart(baseName);
  if (format === 'xlsx') {
    const workbook = await xlsxOf(tables);
    return new StreamableFile(workbook, { type: SPREADSHEET_CONTENT_TYPES.xlsx, length: workbook.length, disposition: `attachment; filename="${base}-${stamp}.xlsx"` });
  }
  // A table by its name or by its name as the file takes it: `by-stage` needs no escaping in a URL.
  const asked = query.table === undefined ? undefined : fileNamePart(query.table);
  const table = asked === undefined ? tables[0] : tables.find((candidate) => fileNamePart(candidate.name) === asked);
  if (!table) throw new BadRequestException(`table must be one of ${tables.map((candidate) => fileNamePart(candidate.name)).join(', ')}`);
  const name = tables.length > 1 ? `${base}-${fileNamePart(table.name)}` : base;
  const csv = csvOf(table);
  return new StreamableFile(csv, { type: SPREADSHEET_CONTENT_TYPES.csv, length: csv.length, disposition: `attachment; filename="${name}-${stamp}.csv"` });
}
