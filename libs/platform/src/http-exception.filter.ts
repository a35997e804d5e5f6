import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, domainErrorAnswer } from './domain-error';
import { bodyRefusal } from './json-body';

// PostgreSQL and socket codes that mean "the database is not reachable now":
// the client may retry, so they are a 503, not a bug.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

interface Described {
  statusCode: number;
  message: string;
  details?: string[];
}

/** A message the client reads as one line; where there were several, each is kept in `details`. */
function described(statusCode: number, message: unknown): Described {
  if (Array.isArray(message)) return { statusCode, message: message.map(String).join('; '), details: message.map(String) };
  return { statusCode, message: String(message) };
}

/**
 * Every error leaves as JSON `{ statusCode, error, message }`, `message` always one string; a domain
 * error with its `code` and `unmet` too. Registered once for every route of every service, so no
 * controller can forget it and turn a domain refusal into a 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      status(code: number): { json(body: unknown): void };
      headersSent?: boolean;
    }>();
    if (response.headersSent) return;
    if (exception instanceof DomainError) {
      const { statusCode, body } = domainErrorAnswer(exception);
      response.status(statusCode).json(body);
      return;
    }
    // A structured body without a message (the health report) is the answer itself.
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && !('message' in body)) {
        response.status(exception.getStatus()).json(body);
        return;
      }
    }
    const { statusCode, message, details } = this.describe(exception);
    response.status(statusCode).json({ statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...(details ? { details } : {}) });
  }

  private describe(exception: unknown): Described {
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      return described(exception.getStatus(), message);
    }
    const refused = bodyRefusal(exception);
    if (refused) return described(refused.statusCode, refused.message);
    const code = (exception as { code?: string; driverError?: { code?: string } })?.code ??
      (exception as { driverError?: { code?: string } })?.driverError?.code;
    const text = (exception as Error)?.message ?? '';
    if ((code && UNAVAILABLE_CODES.has(code)) || /Connection terminated|timeout exceeded when trying to connect/i.test(text)) {
      this.logger.warn(`dependency unavailable: ${text}`);
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: 'A dependency is unavailable; try again shortly' };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
