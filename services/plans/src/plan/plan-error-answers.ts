import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The error answers of the plan routes, each a JSON `{ statusCode, error, message, code }`, for the OpenAPI document. */
export function PlanErrorAnswers() {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'malformed body, query or Idempotency-Key' }),
    ApiUnauthorizedResponse({ description: 'no token, a bad signature or an expired token' }),
    ApiForbiddenResponse({ description: 'the caller lacks the right, which the message names' }),
    ApiNotFoundResponse({ description: 'unknown org node or plan, or the node has no plan of record' }),
    ApiConflictResponse({ description: 'the plan is no scenario any more, or its currency would change' }),
    ApiUnprocessableEntityResponse({ description: 'a cell given twice, a scenario without a plan of record, a promotion without rationale' }),
  );
}
