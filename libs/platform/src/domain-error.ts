import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { RuleViolation, RuleViolationKind } from '@tollgate/domain';
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

/** The HTTP status a rule violation answers with, by its kind. */
export const STATUS_OF_VIOLATION: Readonly<Record<RuleViolationKind, number>> = { forbidden: 403, not_found: 404, conflict: 409, unprocessable: 422 };

/** The rule violation a domain error answers for (the inverse of STATUS_OF_VIOLATION), or null for other statuses. */
export function violationOf(error: DomainError): RuleViolation | null {
  const kind = (Object.keys(STATUS_OF_VIOLATION) as RuleViolationKind[]).find((candidate) => STATUS_OF_VIOLATION[candidate] === error.statusCode);
  if (!kind) return null;
  return error.unmet ? { kind, message: error.message, unmet: error.unmet } : { kind, message: error.message };
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
