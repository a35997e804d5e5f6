import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets of an initiatives import and their headers, as the template has them. */
export const IMPORT_HEADERS: Record<string, string[]> = {
  Initiatives: ['Key', 'Title', 'Program', 'Owner', 'Sponsor', 'Controller', 'Category', 'Currency', 'Rough value'],
  Measures: ['Initiative key', 'Measure', 'Category'],
  'Planned values': ['Initiative key', 'Measure', 'Period', 'Amount'],
  'One-time costs': ['Initiative key', 'Period', 'Amount'],
  Milestones: ['Initiative key', 'Milestone', 'Due date'],
};

export type ImportRows = Record<string, unknown[][]>;

/** A workbook as a person fills in the template: one sheet per table, a header row, then rows. */
export async function initiativeWorkbook(rows: ImportRows): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, columns] of Object.entries(IMPORT_HEADERS)) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(columns);
    for (const row of rows[name] ?? []) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Good initiatives under these keys: one measure planned over two months, a one-time cost, a milestone. */
export function goodInitiativeRows(keys: readonly string[], program: string, people: { owner: string; sponsor: string; controller: string }, title = (key: string) => `Imported ${key}`): ImportRows {
  return {
    Initiatives: keys.map((key) => [key, title(key), program, people.owner, people.sponsor, people.controller, 'cost', 'EUR', null]),
    Measures: keys.map((key) => [key, 'Freight rates', 'procurement']),
    'Planned values': keys.flatMap((key) => [
      [key, 'Freight rates', '2027-03', 1250.5],
      [key, 'Freight rates', new Date(Date.UTC(2027, 3, 1)), 2000],
    ]),
    'One-time costs': keys.map((key) => [key, '2027-01', 400]),
    Milestones: keys.map((key) => [key, 'Tender sent', new Date(Date.UTC(2027, 1, 15))]),
  };
}
