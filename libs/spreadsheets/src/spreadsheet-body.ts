import {
  applyDecorators,
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  RequestTimeoutException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse } from '@nestjs/swagger';
import { RateLimited } from '@tollgate/platform';
import { raw, type Request, type Response } from 'express';
import type { Observable } from 'rxjs';
import { SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { SPREADSHEET_CONTENT_TYPES } from './spreadsheet-table';

/** The largest spreadsheet an import takes: 10 000 initiatives with their measures and values fit in a few MiB. */
export const SPREADSHEET_BODY_LIMIT_BYTES = 25 * 1024 * 1024;
/** How long an upload's body may send nothing before it is cut off. */
export const SPREADSHEET_BODY_IDLE_MS = 10_000;

const parse = raw({ type: [SPREADSHEET_CONTENT_TYPES.xlsx, 'text/csv'], limit: SPREADSHEET_BODY_LIMIT_BYTES });

function readBody(request: Request, response: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    // A body that stalls holds a socket and its buffer: cut off, and the connection closed after the answer.
    request.setTimeout(SPREADSHEET_BODY_IDLE_MS, () => {
      response.setHeader('connection', 'close');
      reject(new RequestTimeoutException(`the body sent nothing for ${SPREADSHEET_BODY_IDLE_MS / 1000} s`));
    });
    parse(request, response, (error?: unknown) => {
      request.setTimeout(0);
      const status = (error as { status?: number } | undefined)?.status;
      if (!error) resolve();
      else if (status === 413) reject(new PayloadTooLargeException(`the spreadsheet is larger than ${SPREADSHEET_BODY_LIMIT_BYTES} bytes`));
      else if (status !== undefined && status >= 400 && status < 500) reject(new BadRequestException((error as Error).message));
      else reject(error);
    });
  });
}

/**
 * Reads an upload's bytes (an xlsx or a CSV sent as the body with its content type) on the routes that
 * take one, and only there: an interceptor runs after the guards, so a request that is not
 * authenticated or not allowed is answered before a byte of its body is read. Every other route
 * keeps the JSON body limit.
 */
@Injectable()
export class SpreadsheetBodyInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await readBody(http.getRequest<Request>(), http.getResponse<Response>());
    return next.handle();
  }
}

const LIMITS_TEXT = `at most ${SPREADSHEET_LIMITS.inflatedBytes / 1024 / 1024} MiB once unpacked, ${SPREADSHEET_LIMITS.sheets} sheets, ${SPREADSHEET_LIMITS.rows} rows, ${SPREADSHEET_LIMITS.columns} columns, ${SPREADSHEET_LIMITS.cells} cells; a cell of more than ${SPREADSHEET_LIMITS.cellCharacters} characters answers 422`;

/** A route that takes a spreadsheet as its body: read after authentication and within the person's upload rate, and so documented. */
export function SpreadsheetUpload() {
  return applyDecorators(
    RateLimited('upload'),
    UseInterceptors(SpreadsheetBodyInterceptor),
    ApiConsumes(SPREADSHEET_CONTENT_TYPES.xlsx, 'text/csv'),
    ApiBody({ schema: { type: 'string', format: 'binary' } }),
    ApiResponse({ status: 413, description: `the body is over ${SPREADSHEET_BODY_LIMIT_BYTES} bytes, or the file passes a limit (named in the message): ${LIMITS_TEXT}` }),
    ApiResponse({ status: 408, description: `the body sent nothing for ${SPREADSHEET_BODY_IDLE_MS / 1000} s` }),
  );
}
