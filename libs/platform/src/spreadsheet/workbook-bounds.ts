import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { limitCounter, quotedCell, SPREADSHEET_LIMITS, SpreadsheetLimitError, UnreadableSpreadsheetError } from './spreadsheet-limits';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELATIONS = 'xl/_rels/workbook.xml.rels';
// The elements whose text is a cell's: a value, a formula, a text run (in a cell or a shared text).
const CELL_TEXT = new Set(['v', 'f', 't']);

const thousands = (count: number) => count.toLocaleString('en-GB').replace(/,/g, ' ');
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
  let row = 0;
  let columns = 0;
  let cell = '';
  let inText = false;
  const text = new CellText(() => `sheet ${sheet}, cell ${cell || `in row ${row}`}`);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'row') {
      counters.rows();
      row = Number(tag.attributes['r']) || row + 1;
      columns = 0;
    } else if (name === 'c') {
      counters.cells();
      cell = String(tag.attributes['r'] ?? '');
      columns = Math.max(columns + 1, columnOf(cell));
      if (columns > maxColumns) throw new SpreadsheetLimitError('columns', `sheet ${sheet}, row ${row} has more than ${maxColumns} columns`);
    } else if (CELL_TEXT.has(name)) {
      inText = true;
      text.begin();
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

/** Collects one attribute pair of every element of a name, such as a sheet's name and relation. */
function attributeScanner(element: string, key: string, value: string, into: Map<string, string>): SaxesParser {
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
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
          : new UnreadableSpreadsheetError(`the part ${part.name} of the workbook is not readable (${String((error as Error)?.message ?? error).slice(0, 200).replace(/[^\x20-\x7e]/g, '?')})`),
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
 * Reads a workbook's zip part by part, as a stream, and refuses it at the
 * first limit it passes: inflated size, parts, sheets, rows, columns, cells,
 * characters of a cell. Only a workbook within every limit is then read whole.
 */
export async function checkWorkbookBounds(buffer: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new UnreadableSpreadsheetError(`the file is not an xlsx workbook (${String((error as Error).message).slice(0, 200).replace(/[^\x20-\x7e]/g, '?')})`);
  }
  const parts = Object.values(zip.files).filter((part) => !part.dir);
  const limits = SPREADSHEET_LIMITS;
  if (parts.length > limits.parts) throw new SpreadsheetLimitError('parts', `the workbook has more than ${thousands(limits.parts)} parts`);
  const sheets = parts.filter((part) => WORKSHEET.test(part.name));
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
  const workbook = zip.file(WORKBOOK);
  const relations = zip.file(WORKBOOK_RELATIONS);
  if (workbook) await inflate(workbook, other(workbook), attributeScanner('sheet', 'id', 'name', sheetRelations));
  if (relations) await inflate(relations, other(relations), attributeScanner('Relationship', 'Id', 'Target', relationTargets));
  const names = new Map<string, string>();
  for (const [relation, name] of sheetRelations) {
    const target = relationTargets.get(relation);
    if (target) names.set(target.startsWith('/') ? target.slice(1) : `xl/${target}`, name);
  }

  for (const part of parts) {
    if (part === workbook || part === relations) continue;
    if (WORKSHEET.test(part.name)) await inflate(part, inflated, worksheetScanner(names.get(part.name) ?? part.name, counters));
    else if (part.name === SHARED_STRINGS) await inflate(part, inflated, sharedStringsScanner());
    else await inflate(part, other(part));
  }
}
