import type { SheetColumn, SheetTable } from './spreadsheet-table';

export const CURRENCY_COLUMN: SheetColumn = { key: 'currency', header: 'Currency', kind: 'text', note: 'the ISO 4217 code of the money on the row', width: 10 };

/**
 * A table of money with its currency on every row, as the last column: a CSV
 * carries no number format, so its reader learns the unit from the row.
 */
export function withCurrencyColumn(table: SheetTable & { currency: string }): SheetTable {
  return { ...table, columns: [...table.columns, CURRENCY_COLUMN], rows: table.rows.map((row) => ({ ...row, currency: table.currency })) };
}
