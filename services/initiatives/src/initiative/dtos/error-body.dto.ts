import { ApiErrorAnswers } from '@tollgate/platform';

/** The error answers every initiative route may give, for the OpenAPI document. */
export function ApiInitiativeErrors() {
  return ApiErrorAnswers({
    notFound: 'unknown initiative, gate request or milestone',
    conflict: 'the command does not fit the state: out of order, already decided, on hold, ended',
    unprocessable: 'a business rule is not met; `unmet` lists every criterion',
    unavailable: 'Temporal or the database is unreachable; retry, with the same Idempotency-Key',
  });
}
