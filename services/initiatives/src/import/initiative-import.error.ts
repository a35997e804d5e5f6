import { DomainError } from '@tollgate/platform';
import type { SpreadsheetLimitError } from '@tollgate/spreadsheets';

export enum ImportErrorCode {
  UnknownImport = 'unknown_import',
  NotASpreadsheet = 'not_a_spreadsheet',
  BeyondLimit = 'spreadsheet_beyond_limit',
  Finished = 'import_finished',
  NotYours = 'import_not_yours',
  Unavailable = 'import_unavailable',
}

/** The one exception of spreadsheet imports. */
export class ImportError extends DomainError {
  static unknown(id: string): ImportError {
    return new ImportError(ImportErrorCode.UnknownImport, 'not_found', `import ${id} not found`);
  }

  static notASpreadsheet(): ImportError {
    return new ImportError(
      ImportErrorCode.NotASpreadsheet,
      'malformed',
      'send the file as the request body, with content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (xlsx) or text/csv',
    );
  }

  /** A file past one of the spreadsheet limits: refused at the upload, before it is stored. */
  static beyondLimit(error: SpreadsheetLimitError): ImportError {
    return new ImportError(ImportErrorCode.BeyondLimit, error.status === 413 ? 'too_large' : 'unprocessable', error.message, [error.limit]);
  }

  static finished(id: string, state: string): ImportError {
    return new ImportError(ImportErrorCode.Finished, 'conflict', `import ${id} has ended (${state}): there is nothing to cancel`);
  }

  static notYours(): ImportError {
    return new ImportError(ImportErrorCode.NotYours, 'forbidden', "an import is seen by the person who uploaded it and by the role 'pmo'");
  }

  static unavailable(): ImportError {
    return new ImportError(ImportErrorCode.Unavailable, 'unavailable', 'Temporal is not reachable: the import cannot be started or asked now; try again');
  }
}
