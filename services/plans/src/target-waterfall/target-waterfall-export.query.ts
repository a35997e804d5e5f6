import { WithSpreadsheetFormat } from '@tollgate/spreadsheets';
import { TargetWaterfallQuery } from './target-waterfall.query';

/** The waterfall's query, and the file's format and table. */
export class TargetWaterfallExportQuery extends WithSpreadsheetFormat(TargetWaterfallQuery) {}
