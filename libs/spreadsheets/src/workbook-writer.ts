import { majorUnits, minorUnitDigits } from '@tollgate/domain';
import ExcelJS from 'exceljs';
import type { SheetColumn, SheetTable } from './spreadsheet-table';

// Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

function moneyFormat(currency: string): string {
  const digits = minorUnitDigits(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
}

/** The first day of a `YYYY-MM` period, as the date a spreadsheet shows as that month. */
function periodDate(period: string): Date {
  return new Date(`${period}-01T00:00:00Z`);
}

function xlsxValue(column: SheetColumn, value: unknown, currency: string): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'money':
      return typeof value === 'number' ? majorUnits(value, currency) : null;
    case 'period':
      return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? periodDate(value) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : String(value);
    case 'instant':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : String(value);
    case 'integer':
    case 'ratio':
      return typeof value === 'number' ? value : null;
    default:
      return String(value);
  }
}

function numberFormat(column: SheetColumn, currency: string): string | undefined {
  switch (column.kind) {
    case 'money':
      return moneyFormat(currency);
    case 'period':
      return 'mmm yyyy';
    case 'date':
      return 'yyyy-mm-dd';
    case 'instant':
      return 'yyyy-mm-dd hh:mm:ss';
    case 'integer':
      return '#,##0';
    case 'ratio':
      return '0.0%';
    default:
      return undefined;
  }
}

/** A workbook of the tables, one sheet each: typed cells, formatted, the header frozen and filterable. */
export async function xlsxOf(tables: readonly SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tollgate';
  workbook.created = new Date();
  for (const table of tables) {
    const currency = table.currency ?? 'EUR';
    const sheet = workbook.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? Math.max(12, column.header.length + 4),
      style: numberFormat(column, currency) ? { numFmt: numberFormat(column, currency) } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(Object.fromEntries(table.columns.map((column) => [column.key, xlsxValue(column, row[column.key], currency)])));
    if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
function csvField(text: string): string {
  // A leading =, +, - or @ is a formula to a spreadsheet opening the file: prefixed so that it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvValue(column: SheetColumn, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money' && typeof value === 'number') return majorUnits(value, currency).toFixed(minorUnitDigits(currency));
  return String(value);
}

/** One table as CSV (RFC 4180, UTF-8, CRLF): money in major units, periods `YYYY-MM`, dates `YYYY-MM-DD`. */
export function csvOf(table: SheetTable): Buffer {
  const currency = table.currency ?? 'EUR';
  const lines = [table.columns.map((column) => csvField(column.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((column) => csvField(csvValue(column, row[column.key], currency))).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
