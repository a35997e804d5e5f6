/**
 * What an uploaded spreadsheet may hold. Each is checked while the file is
 * read, before the next part of it is, so a file over a limit is refused in
 * time and memory that do not grow with it. A workbook of 10 000 initiatives
 * with their measures, values, costs and milestones (60 000 rows, 12 MiB of
 * XML, 240 000 cells) is well within every one; a file at every limit at once
 * still reads in a few hundred MiB.
 */
export const SPREADSHEET_LIMITS = {
  /** The XML of a workbook once inflated, all its parts together. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Any one part of a workbook other than its sheets and their shared texts (styles, theme, properties) once inflated. */
  otherPartBytes: 8 * 1024 * 1024,
  /** The parts of a workbook's zip. */
  parts: 1000,
  sheets: 20,
  /** Rows of all sheets together, or records of a CSV; rows a spreadsheet keeps only for their formatting count too. */
  rows: 200_000,
  /** Columns of a row. */
  columns: 100,
  /** Cells of the whole file, empty ones that are written in it included. */
  cells: 500_000,
  /** Characters of one cell: the longest text any field keeps is 2 000. */
  cellCharacters: 2000,
} as const;

export type SpreadsheetLimit = keyof typeof SPREADSHEET_LIMITS;

/** The limits a file is too large for (413); a cell too long is a problem of its content (422). */
const TOO_LARGE: ReadonlySet<SpreadsheetLimit> = new Set(['inflatedBytes', 'otherPartBytes', 'parts', 'sheets', 'rows', 'columns', 'cells']);

/** The most of a cell a message quotes. */
export const QUOTED_CHARACTERS = 40;

/** A cell's text as a message quotes it: in quotes, at most QUOTED_CHARACTERS of it, control characters as spaces, and marked when cut. */
export function quotedCell(text: string): string {
  const shown = text.slice(0, QUOTED_CHARACTERS).replace(/[\u0000-\u001f\u007f]/g, ' ');
  return text.length <= QUOTED_CHARACTERS ? `'${shown}'` : `'${shown}…'`;
}

/** A count as messages write it: 200 000. */
export function spacedCount(count: number): string {
  return count.toLocaleString('en-GB').replace(/,/g, ' ');
}

/** Why a library could not read a file, as a message may quote it: one short line of printable ASCII. */
export function printableReason(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 200).replace(/[^\x20-\x7e]/g, '?');
}

/** A file that is no spreadsheet Tollgate can read, with the reason and the status that answers it. */
export class UnreadableSpreadsheetError extends Error {
  readonly status: 400 | 413 | 422 = 400;
}

/** A file beyond one of SPREADSHEET_LIMITS, naming it; thrown as soon as the reader reaches it. */
export class SpreadsheetLimitError extends UnreadableSpreadsheetError {
  override readonly status: 413 | 422;

  constructor(
    readonly limit: SpreadsheetLimit,
    message: string,
  ) {
    super(message);
    this.status = TOO_LARGE.has(limit) ? 413 : 422;
  }
}

/** A counter that refuses the file once it passes its limit. */
export function limitCounter(limit: SpreadsheetLimit, describe: (max: number) => string): (by?: number) => void {
  const max = SPREADSHEET_LIMITS[limit];
  let count = 0;
  return (by = 1) => {
    count += by;
    if (count > max) throw new SpreadsheetLimitError(limit, describe(max));
  };
}
