import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { quotedCell, SPREADSHEET_LIMITS, SpreadsheetLimitError, UnreadableSpreadsheetError } from './spreadsheet-limits';
import { readSpreadsheet } from './workbook-reader';

/** A workbook of one sheet whose XML is written by hand, as a hostile file would be, inside an ExcelJS workbook's zip. */
async function workbookWithSheetXml(sheetData: string | (() => string)): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Initiatives').addRow(['Key']);
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  const rows = typeof sheetData === 'string' ? sheetData : sheetData();
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function refusal(file: Promise<Buffer> | Buffer, format: 'xlsx' | 'csv'): Promise<SpreadsheetLimitError> {
  const error = await readSpreadsheet(await file, format, 'CSV').then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SpreadsheetLimitError)) throw new Error(`expected a limit to refuse the file, got ${String(error)}`);
  return error;
}

describe('the limits of an uploaded spreadsheet, checked while it is read', () => {
  it('refuses a CSV cell of 10 000 000 characters as too long, quoting 40 of them', async () => {
    const error = await refusal(Buffer.from(`Key,Title\r\nA,${'x'.repeat(10_000_000)}\r\n`), 'csv');
    expect(error.limit).toBe('cellCharacters');
    expect(error.status).toBe(422);
    expect(error.message).toBe(`the CSV's record 2, field 2 is longer than 2 000 characters (it begins '${'x'.repeat(40)}…')`);
  });

  it('refuses a CSV with more records, fields or cells than the limits, naming the limit', async () => {
    const records = await refusal(Buffer.from(`Key\n${'A\n'.repeat(SPREADSHEET_LIMITS.rows)}`), 'csv');
    expect([records.limit, records.status, records.message]).toEqual(['rows', 413, 'the CSV has more than 200 000 records']);
    const fields = await refusal(Buffer.from(`${Array.from({ length: 101 }, (_, index) => `c${index}`).join(',')}\n`), 'csv');
    expect([fields.limit, fields.status, fields.message]).toEqual(['columns', 413, "the CSV's record 1 has more than 100 fields"]);
    const cells = await refusal(Buffer.from(`${'a,'.repeat(99)}a\n`.repeat(5001)), 'csv');
    expect([cells.limit, cells.status, cells.message]).toEqual(['cells', 413, 'the CSV has more than 500 000 cells']);
  });

  it('refuses a small workbook that inflates past 64 MiB before it is unpacked whole', async () => {
    const bomb = await workbookWithSheetXml(() => `<row r="1"><c r="A1" t="inlineStr"><is><t>Key</t></is></c></row>${' '.repeat(70 * 1024 * 1024)}`);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await refusal(bomb, 'xlsx');
    expect([error.limit, error.status, error.message]).toEqual(['inflatedBytes', 413, 'the workbook holds more than 64 MiB once unpacked']);
  });

  it('refuses a shared text or an inline cell past 2 000 characters, saying where it is and how it begins', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Initiatives');
    sheet.addRow(['Key', 'Title']);
    sheet.addRow(['A', `Reduce ${'freight '.repeat(400)}`]);
    const shared = await refusal(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
    expect([shared.limit, shared.status]).toEqual(['cellCharacters', 422]);
    expect(shared.message).toBe("a text of the workbook is longer than 2 000 characters (it begins 'Reduce freight freight freight freight f…')");

    const inline = await refusal(workbookWithSheetXml(`<row r="2"><c r="B2" t="inlineStr"><is><t>${'y'.repeat(50 * 1024 * 1024)}</t></is></c></row>`), 'xlsx');
    expect(inline.message).toBe(`sheet Initiatives, cell B2 is longer than 2 000 characters (it begins '${'y'.repeat(40)}…')`);
  });

  it('refuses 200 001 empty rows kept for their formatting, and a row beyond column 100', async () => {
    const rows = await refusal(
      workbookWithSheetXml(() => Array.from({ length: SPREADSHEET_LIMITS.rows + 1 }, (_, index) => `<row r="${index + 1}" s="1" customFormat="1"/>`).join('')),
      'xlsx',
    );
    expect([rows.limit, rows.status, rows.message]).toEqual(['rows', 413, 'the workbook has more than 200 000 rows (rows kept only for their formatting count too)']);
    const wide = await refusal(workbookWithSheetXml('<row r="1"><c r="CW1"><v>1</v></c></row>'), 'xlsx');
    expect([wide.limit, wide.message]).toEqual(['columns', 'sheet Initiatives, row 1 has more than 100 columns']);
  });

  it('reads a workbook of 10 000 initiatives, which every limit leaves room for', async () => {
    const book = new ExcelJS.Workbook();
    const initiatives = book.addWorksheet('Initiatives');
    const values = book.addWorksheet('Planned values');
    initiatives.addRow(['Key', 'Title', 'Program', 'Owner', 'Sponsor', 'Controller', 'Category', 'Currency']);
    values.addRow(['Initiative key', 'Measure', 'Period', 'Amount']);
    for (let index = 0; index < 10_000; index += 1) {
      initiatives.addRow([`K${index}`, `Initiative ${index}`, 'program-1', 'owner-1', 'sponsor-1', 'controller-1', 'cost', 'EUR']);
      for (const month of ['2027-01', '2027-02', '2027-03', '2027-04']) values.addRow([`K${index}`, 'Freight rates', month, 1250.5]);
    }
    const sheets = await readSpreadsheet(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx', 'CSV');
    expect(sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ['Initiatives', 10_000],
      ['Planned values', 40_000],
    ]);
  }, 60_000);

  it('expands no entity a hostile workbook declares (a billion laughs), refusing it as unreadable', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Initiatives').addRow(['Key']);
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const laughs = Array.from({ length: 9 }, (_, level) => `<!ENTITY l${level + 1} "${`&l${level};`.repeat(10)}">`).join('');
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "ha">${laughs}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>`,
    );
    const error = await readSpreadsheet(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'xlsx', 'CSV').then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toBeInstanceOf(UnreadableSpreadsheetError);
    expect(error!.message).toMatch(/^the part xl\/worksheets\/sheet1\.xml of the workbook is not readable/);
  });

  it('refuses the one-line XML that would make the full read expand without end: a sheet-wide merge, rule or defined name, a row or column numbered past the sheet', async () => {
    const refusals = await Promise.all([
      refusal(workbookWithSheetXml('<row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><sheetData>'), 'xlsx'),
      refusal(workbookWithSheetXml('<row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations><sheetData>'), 'xlsx'),
      refusal(workbookWithSheetXml('<row r="2147483648"><c r="A1"><v>1</v></c></row>'), 'xlsx'),
    ]);
    expect(refusals.map((error) => [error.limit, error.message])).toEqual([
      ['cells', 'sheet Initiatives: a merged range A1:XFD1048576 spans more than 500 000 cells'],
      ['cells', 'sheet Initiatives: a rule over A1:XFD1048576 spans more than 500 000 cells'],
      ['rows', 'sheet Initiatives has a row numbered beyond 1 048 576'],
    ]);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Initiatives').addRow(['Key']);
    const columns = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const sheet = (await columns.file('xl/worksheets/sheet1.xml')!.async('string')).replace('<sheetData>', '<cols><col min="1" max="2000000000" width="9"/></cols><sheetData>');
    columns.file('xl/worksheets/sheet1.xml', sheet);
    const wide = await refusal(columns.generateAsync({ type: 'nodebuffer' }), 'xlsx');
    expect([wide.limit, wide.message]).toEqual(['columns', 'sheet Initiatives formats columns beyond 16 384']);
    const named = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    const workbookXml = (await named.file('xl/workbook.xml')!.async('string')).replace('</workbook>', '<definedNames><definedName name="everything">Initiatives!$A$1:$XFD$1048576</definedName></definedNames></workbook>');
    named.file('xl/workbook.xml', workbookXml);
    expect((await refusal(named.generateAsync({ type: 'nodebuffer' }), 'xlsx')).message).toBe('a defined name of the workbook spans more than 500 000 cells');
  });

  it('scans as a sheet every part ExcelJS reads as one, whatever its path says around it, and counts folders as parts', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Initiatives').addRow(['Key']);
    const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    zip.file('a/xl/worksheets/sheet7.xml', `<worksheet><sheetData>${'<row/>'.repeat(SPREADSHEET_LIMITS.rows + 1)}</sheetData></worksheet>`);
    expect((await refusal(zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'xlsx')).limit).toBe('rows');
    const folders = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
    for (let index = 0; index < SPREADSHEET_LIMITS.parts; index += 1) folders.folder(`f${index}`);
    expect((await refusal(folders.generateAsync({ type: 'nodebuffer' }), 'xlsx')).message).toBe('the workbook has more than 1 000 parts');
  });

  it('quotes at most 40 characters of a cell, without its control characters', () => {
    expect(quotedCell('EUR')).toBe("'EUR'");
    expect(quotedCell(`a\u0007${'b'.repeat(100)}`)).toBe(`'a ${'b'.repeat(38)}…'`);
  });
});
