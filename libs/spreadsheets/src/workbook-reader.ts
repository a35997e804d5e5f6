import { textProblem } from '@tollgate/domain';
import ExcelJS from 'exceljs';
import { limitCounter, printableReason, quotedCell, spacedCount as thousands, SPREADSHEET_LIMITS, SpreadsheetLimitError, UnreadableSpreadsheetError } from './spreadsheet-limits';
import type { SpreadsheetFormat } from './spreadsheet-table';
import { checkWorkbookBounds } from './workbook-bounds';

/** A cell as read: text, a number, a date (Excel's date cells), a boolean, or nothing. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  /** Cells by the column's header, as written in the header row, trimmed. */
  cells: Record<string, CellValue>;
}

export interface ReadSheet {
  name: string;
  headers: string[];
  rows: SheetRow[];
}

function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  // A date cell beyond the calendar (a large number formatted as a date) is no date: its text, for the check to name.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'a date beyond the calendar' : value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function readXlsxSheet(sheet: ExcelJS.Worksheet): ReadSheet {
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell, column) => {
    headers[column - 1] = String(cellValue(cell.value) ?? '').trim();
  });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, CellValue> = {};
    let any = false;
    headers.forEach((header, index) => {
      if (!header) return;
      // findCell, not getCell: getCell creates the cells a row does not have, a header's worth per row.
      const value = cellValue(row.findCell(index + 1)?.value ?? null);
      cells[header] = typeof value === 'string' ? value.trim() : value;
      if (!isBlank(value)) any = true;
    });
    // A row with nothing in the named columns is no row: spreadsheets keep formatting on empty ones.
    if (any) rows.push({ rowNumber, cells });
  });
  return { name: sheet.name, headers: headers.filter(Boolean), rows };
}

// How many characters the CSV reader takes between two turns of the event loop: the service keeps answering.
const CHARACTERS_PER_TURN = 1 << 20;

/**
 * The fields of RFC 4180 CSV records; quotes may hold commas, quotes and line
 * breaks. Refused at the first record, field or character past
 * SPREADSHEET_LIMITS, before the rest is read.
 */
export function csvRecords(text: string): string[][] {
  const reader = csvReader(text);
  for (let step = reader.next(); !step.done; step = reader.next());
  return reader.records;
}

async function csvRecordsTakingTurns(text: string): Promise<string[][]> {
  const reader = csvReader(text);
  for (let step = reader.next(); !step.done; step = reader.next()) await new Promise((resolve) => setImmediate(resolve));
  return reader.records;
}

function csvReader(text: string): Generator<void, void> & { records: string[][] } {
  const records: string[][] = [];
  const limits = SPREADSHEET_LIMITS;
  const countRecord = limitCounter('rows', (max) => `the CSV has more than ${thousands(max)} records`);
  const countCell = limitCounter('cells', (max) => `the CSV has more than ${thousands(max)} cells`);
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    countCell();
    record.push(field);
    field = '';
    if (record.length > limits.columns) throw new SpreadsheetLimitError('columns', `the CSV's record ${records.length + 1} has more than ${limits.columns} fields`);
  };
  const endRecord = () => {
    endField();
    countRecord();
    records.push(record);
    record = [];
  };
  const grow = (char: string) => {
    field += char;
    if (field.length > limits.cellCharacters) {
      throw new SpreadsheetLimitError('cellCharacters', `the CSV's record ${records.length + 1}, field ${record.length + 1} is longer than ${thousands(limits.cellCharacters)} characters (it begins ${quotedCell(field)})`);
    }
  };
  function* read(): Generator<void, void> {
    for (let index = 0; index < text.length; index += 1) {
      if (index > 0 && index % CHARACTERS_PER_TURN === 0) yield;
      const char = text[index];
      if (quoted) {
        if (char === '"' && text[index + 1] === '"') {
          grow('"');
          index += 1;
        } else if (char === '"') quoted = false;
        else grow(char);
        continue;
      }
      if (char === '"' && field === '') quoted = true;
      else if (char === ',') endField();
      else if (char === '\n' || char === '\r') {
        if (char === '\r' && text[index + 1] === '\n') index += 1;
        endRecord();
      } else grow(char);
    }
    if (quoted) throw new UnreadableSpreadsheetError('the CSV ends inside a quoted field');
    if (field !== '' || record.length > 0) endRecord();
  }
  return Object.assign(read(), { records });
}

async function readCsv(buffer: Buffer, name: string): Promise<ReadSheet> {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new UnreadableSpreadsheetError('the CSV is not UTF-8');
  const [header = [], ...records] = await csvRecordsTakingTurns(text);
  const headers = header.map((cell) => cell.trim());
  const rows: SheetRow[] = [];
  records.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    rows.push({ rowNumber: index + 2, cells: Object.fromEntries(headers.map((column, at) => [column, (record[at] ?? '').trim() || null])) });
  });
  return { name, headers: headers.filter(Boolean), rows };
}

// Text nothing can keep (a NUL, a lone surrogate) is refused here, where the file is read, so no later step retries on it.
function refuseUnstorable(sheets: ReadSheet[]): ReadSheet[] {
  for (const sheet of sheets) {
    for (const header of [sheet.name, ...sheet.headers]) {
      const problem = textProblem(header);
      if (problem) throw new UnreadableSpreadsheetError(`sheet ${sheet.name.replace(/[^\x20-\x7e]/g, '?')}: a sheet name or header ${problem}`);
    }
    for (const row of sheet.rows) {
      for (const [header, value] of Object.entries(row.cells)) {
        if (typeof value === 'string' && value.length > SPREADSHEET_LIMITS.cellCharacters) {
          throw new SpreadsheetLimitError('cellCharacters', `sheet ${sheet.name}, row ${row.rowNumber}, column ${header}: the cell is longer than ${thousands(SPREADSHEET_LIMITS.cellCharacters)} characters (it begins ${quotedCell(value)})`);
        }
        const problem = typeof value === 'string' ? textProblem(value) : null;
        if (problem) throw new UnreadableSpreadsheetError(`sheet ${sheet.name}, row ${row.rowNumber}, column ${header}: the cell ${problem}`);
      }
    }
  }
  return sheets;
}

/**
 * The sheets of an uploaded file: every sheet of a workbook, or the one
 * table of a CSV under `csvSheetName`. Refuses what is neither, a file past
 * SPREADSHEET_LIMITS (as soon as the reader reaches the limit), and text
 * that cannot be stored.
 */
export async function readSpreadsheet(buffer: Buffer, format: SpreadsheetFormat, csvSheetName: string): Promise<ReadSheet[]> {
  return refuseUnstorable(await readAnySpreadsheet(buffer, format, csvSheetName));
}

async function readAnySpreadsheet(buffer: Buffer, format: SpreadsheetFormat, csvSheetName: string): Promise<ReadSheet[]> {
  if (format === 'csv') return [await readCsv(buffer, csvSheetName)];
  // Streamed first, part by part, so that only a workbook within every limit is read whole.
  await checkWorkbookBounds(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableSpreadsheetError(`the file is not an xlsx workbook (${printableReason(error)})`);
  }
  return workbook.worksheets.map(readXlsxSheet);
}

/**
 * Whether a file is within SPREADSHEET_LIMITS, read as a stream and not kept:
 * what an upload checks before it stores the file. Throws the
 * SpreadsheetLimitError that names the first limit passed.
 */
export async function checkSpreadsheetBounds(buffer: Buffer, format: SpreadsheetFormat): Promise<void> {
  if (format === 'csv') await readCsv(buffer, 'CSV');
  else await checkWorkbookBounds(buffer);
}

/** The format of an upload, by its content type or its first bytes (an xlsx is a zip). */
export function spreadsheetFormatOf(contentType: string | undefined, buffer: Buffer): SpreadsheetFormat | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  return undefined;
}
