/**
 * What a column holds, which decides how a cell is written: money in major
 * units with its currency, periods as months, dates as days.
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'period' | 'date' | 'instant' | 'ratio';

export interface SheetColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** What the column means, for a template's notes. */
  note?: string;
  width?: number;
}

/**
 * One table of an export or a template: its columns and rows. Money cells
 * hold minor units (as the API does) and are written in major units of
 * `currency`; periods are `YYYY-MM`, dates `YYYY-MM-DD`, instants ISO-8601.
 */
export interface SheetTable {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, unknown>[];
  currency?: string;
}

/** The formats a table comes in. */
export type SpreadsheetFormat = 'xlsx' | 'csv';

export const SPREADSHEET_CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
