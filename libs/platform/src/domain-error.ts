import type { RuleViolation, RuleViolationKind } from '@tollgate/domain';
import { STATUS_CODES } from 'node:http';

/**
 * What kind of refusal a domain error is: the domain's rule violations, a
 * request that cannot be read or is too large to, or a part of the system
 * out of reach.
 */
export type DomainErrorKind = RuleViolationKind | 'malformed' | 'too_large' | 'unavailable';

/**
 * The base of each concept's one exception class: a stable `code` (what
 * callers and activities test), its `kind`, and `unmet` listing every
 * criterion not met. It knows nothing of HTTP: the one exception filter
 * every service registers answers for it (http-exception.filter.ts).
 */
export abstract class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly unmet?: string[],
  ) {
    super(message);
  }
}

/** The one place where a domain error's kind becomes an HTTP status. */
const STATUS_OF_KIND: Readonly<Record<DomainErrorKind, number>> = {
  malformed: 400,
  too_large: 413,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  unavailable: 503,
};

/** The rule violation a domain error answers for, or null for errors that are not the domain's refusals. */
export function violationOf(error: DomainError): RuleViolation | null {
  if (error.kind === 'malformed' || error.kind === 'too_large' || error.kind === 'unavailable') return null;
  return error.unmet ? { kind: error.kind, message: error.message, unmet: error.unmet } : { kind: error.kind, message: error.message };
}

/** The answer to a domain error: `{ statusCode, error, message, code }`, and `unmet` where there is one. */
export function domainErrorAnswer(exception: DomainError): { statusCode: number; body: Record<string, unknown> } {
  const statusCode = STATUS_OF_KIND[exception.kind];
  return {
    statusCode,
    body: { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: exception.message, code: exception.code, ...(exception.unmet ? { unmet: exception.unmet } : {}) },
  };
}
