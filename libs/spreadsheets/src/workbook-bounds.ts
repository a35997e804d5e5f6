import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { limitCounter, printableReason, quotedCell, spacedCount as thousands, SPREADSHEET_LIMITS, SpreadsheetLimitError, UnreadableSpreadsheetError } from './spreadsheet-limits';

// Parts as ExcelJS finds them (a leading / dropped, the pattern anywhere in the name): whatever it would
// read as a sheet or as the shared texts is scanned as one.
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
const SHARED_STRINGS = /xl\/sharedStrings[.]xml/;
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELATIONS = 'xl/_rels/workbook.xml.rels';
const partPath = (name: string) => name.replace(/^\//, '');
/** The largest row and column a spreadsheet has (XFD1048576): ExcelJS walks rows up to the highest number it is given. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;
/** Merged ranges a sheet may hold: ExcelJS checks each against every other. */
const MERGES = 1000;
// The elements whose text is a cell's: a value, a formula, a text run (in a cell or a shared text).
const CELL_TEXT = new Set(['v', 'f', 't']);

const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Characters of one element's text, refused past the cell limit with where and how it begins. */
class CellText {
  private length = 0;
  private start = '';

  constructor(private readonly where: () => string) {}

  begin(): void {
    this.length = 0;
    this.start = '';
  }

  add(text: string): void {
    this.length += text.length;
    if (this.start.length < 64) this.start += text.slice(0, 64);
    const max = SPREADSHEET_LIMITS.cellCharacters;
    if (this.length > max) throw new SpreadsheetLimitError('cellCharacters', `${this.where()} is longer than ${thousands(max)} characters (it begins ${quotedCell(this.start)})`);
  }
}

/**
 * How many cells a range names (`A1:C3` 9, `B2` 1, several ranges separated by spaces or commas added
 * up), sheet names and $ aside: ExcelJS makes a cell, or an entry, for each cell of a merge, a data
 * validation or a defined name.
 */
export function rangeCells(ranges: string): number {
  let cells = 0;
  for (const match of ranges.matchAll(/\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?/g)) {
    const [, fromColumn, fromRow, toColumn = fromColumn, toRow = fromRow] = match;
    cells += (Math.abs(columnOf(toColumn) - columnOf(fromColumn)) + 1) * (Math.abs(Number(toRow) - Number(fromRow)) + 1);
  }
  return cells;
}

/** The letters of a cell reference as a column number: B12 is 2. */
function columnOf(reference: string | undefined): number {
  let column = 0;
  for (const char of reference ?? '') {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

interface Counters {
  rows: () => void;
  cells: () => void;
}

function worksheetScanner(sheet: string, counters: Counters): SaxesParser {
  const parser = new SaxesParser();
  const maxColumns = SPREADSHEET_LIMITS.columns;
  const maxCells = SPREADSHEET_LIMITS.cells;
  let row = 0;
  let columns = 0;
  let cell = '';
  let inText = false;
  let merges = 0;
  const text = new CellText(() => `sheet ${sheet}, cell ${cell || `in row ${row}`}`);
  const refuseRange = (what: string, ranges: string) => {
    if (rangeCells(ranges) > maxCells) throw new SpreadsheetLimitError('cells', `sheet ${sheet}: ${what} ${ranges.slice(0, 40)} spans more than ${thousands(maxCells)} cells`);
  };
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'row') {
      counters.rows();
      row = Number(tag.attributes['r']) || row + 1;
      if (!Number.isSafeInteger(row) || row > LAST_ROW) throw new SpreadsheetLimitError('rows', `sheet ${sheet} has a row numbered beyond ${thousands(LAST_ROW)}`);
      columns = 0;
    } else if (name === 'c') {
      counters.cells();
      cell = String(tag.attributes['r'] ?? '');
      columns = Math.max(columns + 1, columnOf(cell));
      if (columns > maxColumns) throw new SpreadsheetLimitError('columns', `sheet ${sheet}, row ${row} has more than ${maxColumns} columns`);
    } else if (CELL_TEXT.has(name)) {
      inText = true;
      text.begin();
    } else if (name === 'mergeCell') {
      merges += 1;
      if (merges > MERGES) throw new SpreadsheetLimitError('cells', `sheet ${sheet} has more than ${MERGES} merged ranges`);
      refuseRange('a merged range', String(tag.attributes['ref'] ?? ''));
    } else if (name === 'dataValidation' || name === 'conditionalFormatting') {
      refuseRange('a rule over', String(tag.attributes['sqref'] ?? ''));
    } else if (name === 'col') {
      const last = Number(tag.attributes['max'] ?? tag.attributes['min'] ?? 0);
      if (!Number.isSafeInteger(last) || last > LAST_COLUMN) throw new SpreadsheetLimitError('columns', `sheet ${sheet} formats columns beyond ${thousands(LAST_COLUMN)}`);
    }
  });
  parser.on('text', (chunk) => inText && text.add(chunk));
  parser.on('closetag', (tag) => {
    if (CELL_TEXT.has(localName(tag.name))) inText = false;
  });
  return parser;
}

function sharedStringsScanner(): SaxesParser {
  const parser = new SaxesParser();
  let inText = false;
  const text = new CellText(() => 'a text of the workbook');
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    // One shared text may be several runs: its length is theirs together.
    if (name === 'si') text.begin();
    else if (name === 't') inText = true;
  });
  parser.on('text', (chunk) => inText && text.add(chunk));
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 't') inText = false;
  });
  return parser;
}

/** Collects one attribute pair of every element of a name, such as a sheet's name and relation; refuses a defined name over too many cells. */
function attributeScanner(element: string, key: string, value: string, into: Map<string, string>): SaxesParser {
  const parser = new SaxesParser();
  let inName = false;
  parser.on('text', (chunk) => {
    if (inName && rangeCells(chunk) > SPREADSHEET_LIMITS.cells) {
      throw new SpreadsheetLimitError('cells', `a defined name of the workbook spans more than ${thousands(SPREADSHEET_LIMITS.cells)} cells`);
    }
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'definedName') inName = false;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) === 'definedName') inName = true;
    if (localName(tag.name) !== element) return;
    const attribute = (wanted: string) => Object.entries(tag.attributes).find(([name]) => localName(name) === wanted)?.[1];
    const [found, shown] = [attribute(key), attribute(value)];
    if (found !== undefined && shown !== undefined) into.set(String(found), String(shown));
  });
  return parser;
}

/** JSZip's own stream of a part's inflated bytes, which its typings leave out; it yields to the event loop between chunks. */
interface PartStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): PartStream;
  on(event: 'error', listener: (error: Error) => void): PartStream;
  on(event: 'end', listener: () => void): PartStream;
  resume(): PartStream;
  pause(): PartStream;
}

/** Inflates one part chunk by chunk, counting its bytes and handing its text to a scanner; stops at the first refusal. */
function inflate(part: JSZip.JSZipObject, count: (bytes: number) => void, scanner?: SaxesParser): Promise<void> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder('utf-8');
    const stream = (part as unknown as { internalStream(type: 'uint8array'): PartStream }).internalStream('uint8array');
    let ended = false;
    const fail = (error: unknown) => {
      if (ended) return;
      ended = true;
      // Nothing more of the part is inflated once it is refused.
      stream.pause();
      reject(
        error instanceof UnreadableSpreadsheetError
          ? error
          : new UnreadableSpreadsheetError(`the part ${part.name} of the workbook is not readable (${printableReason(error)})`),
      );
    };
    stream.on('data', (chunk) => {
      if (ended) return;
      try {
        count(chunk.length);
        scanner?.write(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(error);
      }
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (ended) return;
      try {
        scanner?.write(decoder.decode());
        scanner?.close();
        ended = true;
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    stream.resume();
  });
}

/**
 * The number of entries a zip's end-of-central-directory record declares (the
 * 2-byte total, 0xFFFF for a Zip64 archive, which no spreadsheet needs), or
 * null when there is no such record for JSZip to refuse.
 */
function declaredEntries(buffer: Buffer): number | null {
  const earliest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= earliest; at -= 1) {
    if (buffer.readUInt32LE(at) === 0x06054b50) return buffer.readUInt16LE(at + 10);
  }
  return null;
}

/**
 * Reads a workbook's zip part by part, as a stream, and refuses it at the
 * first limit it passes: inflated size, parts, sheets, rows, columns, cells,
 * characters of a cell. Only a workbook within every limit is then read whole.
 */
export async function checkWorkbookBounds(buffer: Buffer): Promise<void> {
  // The zip's own count of its entries, before JSZip builds one object per entry.
  const declared = declaredEntries(buffer);
  if (declared !== null && declared > SPREADSHEET_LIMITS.parts) throw new SpreadsheetLimitError('parts', `the workbook has more than ${thousands(SPREADSHEET_LIMITS.parts)} parts`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new UnreadableSpreadsheetError(`the file is not an xlsx workbook (${printableReason(error)})`);
  }
  const entries = Object.values(zip.files);
  const parts = entries.filter((part) => !part.dir);
  const limits = SPREADSHEET_LIMITS;
  if (entries.length > limits.parts) throw new SpreadsheetLimitError('parts', `the workbook has more than ${thousands(limits.parts)} parts`);
  const sheets = parts.filter((part) => WORKSHEET.test(partPath(part.name)));
  if (sheets.length > limits.sheets) throw new SpreadsheetLimitError('sheets', `the workbook has more than ${limits.sheets} sheets`);

  const inflated = limitCounter('inflatedBytes', (max) => `the workbook holds more than ${mib(max)} once unpacked`);
  const counters: Counters = {
    rows: limitCounter('rows', (max) => `the workbook has more than ${thousands(max)} rows (rows kept only for their formatting count too)`),
    cells: limitCounter('cells', (max) => `the workbook has more than ${thousands(max)} cells`),
  };
  const other = (part: JSZip.JSZipObject) => {
    const own = limitCounter('otherPartBytes', (max) => `the part ${part.name} of the workbook holds more than ${mib(max)} once unpacked`);
    return (bytes: number) => {
      inflated(bytes);
      own(bytes);
    };
  };

  // Sheets by the names a person sees: the workbook names each sheet and the relation that leads to its part.
  const sheetRelations = new Map<string, string>();
  const relationTargets = new Map<string, string>();
  const workbook = parts.find((part) => partPath(part.name) === WORKBOOK);
  const relations = parts.find((part) => partPath(part.name) === WORKBOOK_RELATIONS);
  if (workbook) await inflate(workbook, other(workbook), attributeScanner('sheet', 'id', 'name', sheetRelations));
  if (relations) await inflate(relations, other(relations), attributeScanner('Relationship', 'Id', 'Target', relationTargets));
  const names = new Map<string, string>();
  for (const [relation, name] of sheetRelations) {
    const target = relationTargets.get(relation);
    if (target) names.set(target.startsWith('/') ? target.slice(1) : `xl/${target}`, name);
  }

  for (const part of parts) {
    if (part === workbook || part === relations) continue;
    const path = partPath(part.name);
    if (WORKSHEET.test(path)) await inflate(part, inflated, worksheetScanner(names.get(path) ?? path, counters));
    else if (SHARED_STRINGS.test(path)) await inflate(part, inflated, sharedStringsScanner());
    else await inflate(part, other(part));
  }
}
