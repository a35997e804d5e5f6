import type { INestApplication } from '@nestjs/common';
import { raw, type NextFunction, type Request, type Response } from 'express';
import { SPREADSHEET_CONTENT_TYPES } from './spreadsheet-table';

/** The largest spreadsheet an import takes: 10 000 initiatives with their measures and values fit in a few MiB. */
export const SPREADSHEET_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * Spreadsheet uploads as raw bytes (an xlsx or a CSV, sent as the body with
 * its content type), apart from the JSON limits, which stay as they are for
 * every other body.
 */
export function useSpreadsheetBody(app: INestApplication): void {
  const parse = raw({ type: [SPREADSHEET_CONTENT_TYPES.xlsx, 'text/csv'], limit: SPREADSHEET_BODY_LIMIT_BYTES });
  app.use((request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      const status = (error as { status?: number } | undefined)?.status;
      if (status === 413) {
        response.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: `the spreadsheet is larger than ${SPREADSHEET_BODY_LIMIT_BYTES} bytes` });
      } else next(error);
    }),
  );
}
