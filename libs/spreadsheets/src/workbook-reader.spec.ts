import ExcelJS from 'exceljs';
import { UnreadableSpreadsheetError } from './spreadsheet-limits';
import { csvRecords, readSpreadsheet } from './workbook-reader';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Planned values');
  sheet.addRow(['Key', 'Period', 'Amount', 'Note']);
  sheet.addRow(['A', new Date(Date.UTC(2027, 3, 1)), 12.5, { richText: [{ text: 'ri' }, { text: 'ch' }] }]);
  sheet.addRow([]);
  sheet.addRow(['  B ', '2027-05', { formula: '1+1', result: 2 }]);
  book.addWorksheet('Empty');
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading a spreadsheet', () => {
  it('reads every sheet of a workbook: cells by header, dates as dates, formulas as their results, blank rows skipped, rows as numbered', async () => {
    const sheets = await readSpreadsheet(await workbook(), 'xlsx', 'CSV');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Planned values', 'Empty']);
    expect(sheets[0].headers).toEqual(['Key', 'Period', 'Amount', 'Note']);
    expect(sheets[0].rows).toEqual([
      { rowNumber: 2, cells: { Key: 'A', Period: new Date(Date.UTC(2027, 3, 1)), Amount: 12.5, Note: 'rich' } },
      { rowNumber: 4, cells: { Key: 'B', Period: '2027-05', Amount: 2, Note: null } },
    ]);
  });

  it('refuses what is no workbook, a cut one, and text that cannot be stored', async () => {
    const good = await workbook();
    await expect(readSpreadsheet(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'xlsx', 'CSV')).rejects.toBeInstanceOf(UnreadableSpreadsheetError);
    await expect(readSpreadsheet(good.subarray(0, Math.floor(good.length / 2)), 'xlsx', 'CSV')).rejects.toBeInstanceOf(UnreadableSpreadsheetError);
    await expect(readSpreadsheet(Buffer.from('Key,Title\r\nA,bad\u0000title\r\n'), 'csv', 'CSV')).rejects.toThrow('sheet CSV, row 2, column Title: the cell contains a NUL character');
  });

  it('reads RFC 4180 CSV: quoted commas, quotes and line breaks', () => {
    expect(csvRecords('a,"b, c","say ""hi""","two\r\nlines"\r\nx,,z')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\r\nlines'],
      ['x', '', 'z'],
    ]);
    expect(() => csvRecords('a,"open')).toThrow(UnreadableSpreadsheetError);
  });
});
