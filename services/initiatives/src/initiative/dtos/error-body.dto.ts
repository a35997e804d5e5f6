import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

/** The JSON of every error answer. */
export class ErrorBody {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ example: 'the gate to stage 1 (Identified) is not met: a controller must be named' })
  message!: string;

  @ApiProperty({ required: false, example: 'rule_violated', description: 'what kind of initiative error it is' })
  code?: string;

  @ApiProperty({ required: false, type: [String], example: ['a controller must be named'], description: 'every unmet criterion' })
  unmet?: string[];
}

/** The error answers every initiative route may give, for the OpenAPI document. */
export function ApiInitiativeErrors() {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'malformed body, query or Idempotency-Key', type: ErrorBody }),
    ApiUnauthorizedResponse({ description: 'no token, a bad signature or an expired token', type: ErrorBody }),
    ApiForbiddenResponse({ description: 'the caller lacks the right, which the message names', type: ErrorBody }),
    ApiNotFoundResponse({ description: 'unknown initiative, gate request or milestone', type: ErrorBody }),
    ApiConflictResponse({ description: 'the command does not fit the state: out of order, already decided, on hold, ended', type: ErrorBody }),
    ApiUnprocessableEntityResponse({ description: 'a business rule is not met; `unmet` lists every criterion', type: ErrorBody }),
    ApiServiceUnavailableResponse({ description: 'Temporal or the database is unreachable; retry, with the same Idempotency-Key', type: ErrorBody }),
  );
}
