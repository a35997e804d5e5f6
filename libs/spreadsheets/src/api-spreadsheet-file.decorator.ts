import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { RateLimited } from '@tollgate/platform';
import { SPREADSHEET_CONTENT_TYPES } from './spreadsheet-table';

/**
 * An export route in the OpenAPI document: 200 is the file, an xlsx workbook
 * or a CSV table. The 200 states its content itself, because @ApiProduces
 * puts every answer stated on the method with a type under its two content
 * types, and the errors are JSON: they come from the controller's own error
 * decorator, whose 400 is also a bad `format` or `table`. A file is built
 * whole for each request, so exports count as heavy reads.
 */
export function ApiSpreadsheetFile(summary: string) {
  return applyDecorators(
    RateLimited('heavyRead'),
    ApiOperation({ summary: `${summary}; \`format=xlsx\` (default) a workbook of every table, \`format=csv\` one table (\`table=\`, default the first)` }),
    ApiProduces(SPREADSHEET_CONTENT_TYPES.xlsx, 'text/csv'),
    ApiOkResponse({
      description: 'the export as a file download, named in `Content-Disposition`',
      headers: { 'Content-Disposition': { description: 'attachment; filename="<export>-<YYYY-MM-DD>.xlsx" (or .csv)', schema: { type: 'string' } } },
      content: {
        [SPREADSHEET_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
  );
}
