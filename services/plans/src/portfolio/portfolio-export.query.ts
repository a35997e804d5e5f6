import { WithSpreadsheetFormat } from '@tollgate/spreadsheets';
import { PortfolioSummaryQuery } from './portfolio-summary.query';
import { PortfolioValuesQuery } from './portfolio-values.query';

/** The summary's query, and the file's format and table. */
export class PortfolioSummaryExportQuery extends WithSpreadsheetFormat(PortfolioSummaryQuery) {}

/** The values' query (`by=stage` adds the By stage sheet), and the file's format and table. */
export class PortfolioValuesExportQuery extends WithSpreadsheetFormat(PortfolioValuesQuery) {}
