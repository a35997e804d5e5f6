import { minorUnitDigits } from '@tollgate/domain';
import type { SheetTable } from './spreadsheet-table';

/** What an export is about, one line a topic (null leaves the line out): the node, the range, when it was made. */
export type ExportFacts = readonly (readonly [topic: string, note: string | number | null])[];

/**
 * A sheet of notes on an export: the facts a downloaded file no longer says
 * by its address (which node, which periods, when), how its money and periods
 * read, and what each column means where a column says so. Put it last: a
 * CSV without `table` is the first table.
 */
export function notesTable(facts: ExportFacts, tables: readonly SheetTable[]): SheetTable {
  const rows: { topic: string; note: string }[] = facts.flatMap(([topic, note]) => (note === null ? [] : [{ topic, note: String(note) }]));
  for (const table of tables) {
    if (table.columns.some((column) => column.kind === 'money')) {
      const currency = table.currency ?? 'EUR';
      const digits = minorUnitDigits(currency);
      rows.push({
        topic: `${table.name}: money`,
        note: `in ${currency}, in major units (the API's minor units ÷ ${10 ** digits}); the Currency column says so on every row`,
      });
    }
    if (table.columns.some((column) => column.kind === 'period')) {
      rows.push({ topic: `${table.name}: periods`, note: "months: in the workbook the date of the month's first day, shown as mmm yyyy; in CSV YYYY-MM" });
    }
    for (const column of table.columns) if (column.note) rows.push({ topic: `${table.name}: ${column.header}`, note: column.note });
  }
  return {
    name: 'Notes',
    columns: [
      { key: 'topic', header: 'Topic', kind: 'text', width: 32 },
      { key: 'note', header: 'Note', kind: 'text', width: 100 },
    ],
    rows,
  };
}
