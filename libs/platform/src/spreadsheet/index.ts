export * from './spreadsheet-table';
export * from './workbook-writer';
export * from './workbook-reader';
export * from './spreadsheet-file';
export * from './spreadsheet-body';
