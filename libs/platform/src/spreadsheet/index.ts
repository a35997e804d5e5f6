export * from './spreadsheet-table';
export * from './workbook-writer';
export * from './workbook-reader';
export * from './spreadsheet-file';
export * from './spreadsheet-body';
export * from './spreadsheet-notes';
export * from './api-spreadsheet-file.decorator';
export * from './currency-column';
