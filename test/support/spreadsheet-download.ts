import { issueDevelopmentToken } from '@tollgate/auth';
import { csvRecords } from '@tollgate/spreadsheets';
import ExcelJS from 'exceljs';
import type { Person } from './http-client';
import { TEST_ENVIRONMENT } from './test-environment';

/** An export as a client downloads it: the status, the headers that name it, and its bytes. */
export interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  body: Buffer;
}

/** Downloads a file as a person, with a development token: the JSON client reads JSON only. */
export async function downloadAs(baseUrl: string, person: Person | null, path: string): Promise<Download> {
  const token = person ? issueDevelopmentToken({ sub: person.id, roles: person.roles }, TEST_ENVIRONMENT.jwtSecret) : null;
  const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook of a download, read back with exceljs as a spreadsheet program would open it. */
export async function workbookOf(download: Download): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(download.body as unknown as ExcelJS.Buffer);
  return workbook;
}

type Cell = ExcelJS.CellValue;

/** A sheet's rows by the header of each column, as a person reads them; fails naming the sheets there are when it is missing. */
export function sheetRows(workbook: ExcelJS.Workbook, name: string): Record<string, Cell>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet '${name}'; the workbook has ${workbook.worksheets.map((one) => `'${one.name}'`).join(', ')}`);
  const headers = (sheet.getRow(1).values as Cell[]).slice(1).map(String);
  const rows: Record<string, Cell>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    rows.push(Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1).value ?? null])));
  });
  return rows;
}

/** The header of a sheet, in order. */
export function sheetHeaders(workbook: ExcelJS.Workbook, name: string): string[] {
  return (workbook.getWorksheet(name)!.getRow(1).values as Cell[]).slice(1).map(String);
}

/** A CSV download's header and its rows by header, every field as the text the file holds. */
export function csvRows(download: Download): { headers: string[]; rows: Record<string, string>[] } {
  const [headers = [], ...records] = csvRecords(download.body.toString('utf8'));
  return { headers, rows: records.map((record) => Object.fromEntries(headers.map((header, index) => [header, record[index] ?? '']))) };
}

/**
 * A money cell in the API's minor units (cents): the cell holds major units,
 * and a binary double cannot hold every cent exactly (1234.56 × 100 is a hair
 * off), so the product is rounded to the whole cent it stands for.
 */
export function centsOf(cell: Cell | string): number {
  if (typeof cell !== 'number' && typeof cell !== 'string') throw new Error(`expected an amount, got ${JSON.stringify(cell)}`);
  return Math.round(Number(cell) * 100);
}

/** The `YYYY-MM` month of a period cell: a date whose UTC month is the period; fails for anything else. */
export function periodOf(cell: Cell): string {
  if (!(cell instanceof Date)) throw new Error(`expected a date cell for a period, got ${JSON.stringify(cell)}`);
  return cell.toISOString().slice(0, 7);
}

/** The file name a `content-disposition` header gives, with the date stamp replaced by `<date>`. */
export function fileNameOf(download: Download): string | null {
  const name = /^attachment; filename="([^"]+)"$/.exec(download.disposition ?? '')?.[1] ?? null;
  return name?.replace(/\d{4}-\d{2}-\d{2}(?=\.(xlsx|csv)$)/, '<date>') ?? null;
}
