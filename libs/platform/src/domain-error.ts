import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/**
 * The base of each concept's one exception class: it knows the HTTP status it
 * answers with and a stable code; `unmet` lists every criterion not met.
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly unmet?: string[],
  ) {
    super(message);
  }
}

/** `{ statusCode, error, message, code }`, and `unmet` where there is one, for every domain error. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(exception.statusCode).json({
      statusCode: exception.statusCode,
      error: STATUS_CODES[exception.statusCode] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.unmet ? { unmet: exception.unmet } : {}),
    });
  }
}
