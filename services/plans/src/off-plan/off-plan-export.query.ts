import { WithSpreadsheetFormat } from '@tollgate/spreadsheets';
import { OffPlanQuery } from './off-plan.query';

/** The month of what is off plan, and the file it comes as. */
export class OffPlanExportQuery extends WithSpreadsheetFormat(OffPlanQuery) {}
