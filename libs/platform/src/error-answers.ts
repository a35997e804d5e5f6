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
export class ErrorAnswerBody {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'Conflict' })
  error!: string;

  @ApiProperty({ example: "the cycle is at step 'demand_review', not 'supply_review'", description: 'always one line; several problems are joined with "; "' })
  message!: string;

  @ApiProperty({ required: false, type: [String], description: 'each problem of a malformed request on its own, where there are several' })
  details?: string[];

  @ApiProperty({ required: false, example: 'rule_violated', description: 'what kind of error it is, stable for programs' })
  code?: string;

  @ApiProperty({ required: false, type: [String], description: 'every unmet criterion, where there are several' })
  unmet?: string[];
}

/** The error answers of a group of routes for the OpenAPI document; 400, 401 and 403 read the same everywhere. */
export function ApiErrorAnswers(meaning: { notFound: string; conflict?: string; unprocessable?: string; unavailable?: string }) {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'malformed body, query or Idempotency-Key', type: ErrorAnswerBody }),
    ApiUnauthorizedResponse({ description: 'no token, a bad signature or an expired token', type: ErrorAnswerBody }),
    ApiForbiddenResponse({ description: 'the caller lacks the right, which the message names', type: ErrorAnswerBody }),
    ApiNotFoundResponse({ description: meaning.notFound, type: ErrorAnswerBody }),
    ...(meaning.conflict ? [ApiConflictResponse({ description: meaning.conflict, type: ErrorAnswerBody })] : []),
    ...(meaning.unprocessable ? [ApiUnprocessableEntityResponse({ description: meaning.unprocessable, type: ErrorAnswerBody })] : []),
    ...(meaning.unavailable ? [ApiServiceUnavailableResponse({ description: meaning.unavailable, type: ErrorAnswerBody })] : []),
  );
}
