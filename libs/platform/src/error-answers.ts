import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse, type OpenAPIObject } from '@nestjs/swagger';
import { JSON_BODY_LIMITS } from './json-body';

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

interface ErrorMeanings {
  /** What a 404 means on these routes; none where nothing is looked up. */
  notFound?: string;
  conflict?: string;
  unprocessable?: string;
  unavailable?: string;
}

/**
 * The error answers of a group of routes for the OpenAPI document; 400, 401
 * and 403 read the same everywhere. What the platform's edge answers on every
 * route (400 for unstorable text, 413, 422 for inexact numbers, 503 for the
 * database) is added to the document by documentEdgeAnswers.
 */
export function ApiErrorAnswers(meaning: ErrorMeanings = {}) {
  const answer = (status: number, description: string) => ApiResponse({ status, description, type: ErrorAnswerBody });
  return applyDecorators(
    answer(400, 'a malformed body, query, path parameter or Idempotency-Key; `details` lists each problem'),
    answer(401, 'no token, a bad signature or an expired token'),
    answer(403, 'the caller lacks the right, which the message names'),
    ...(meaning.notFound ? [answer(404, meaning.notFound)] : []),
    ...(meaning.conflict ? [answer(409, meaning.conflict)] : []),
    ...(meaning.unprocessable ? [answer(422, meaning.unprocessable)] : []),
    ...(meaning.unavailable ? [answer(503, meaning.unavailable)] : []),
  );
}

type Operation = { requestBody?: unknown; parameters?: unknown[]; responses: Record<string, { description: string; content?: unknown }> };

/**
 * Adds to every operation of a document the answers of the platform's own
 * edge, which no controller states: 400 for text that cannot be stored or
 * JSON nested too deep, 503 while the database is away, and for a route that
 * takes a body 413 over the size limit and 422 for a number beyond 2^53 − 1.
 * A route's own description of a status is kept, its words joined, and
 * every error answer stated without a body is given the error JSON.
 */
export function documentEdgeAnswers(document: OpenAPIObject): void {
  const error = { 'application/json': { schema: { $ref: `#/components/schemas/${ErrorAnswerBody.name}` } } };
  const edge: [status: string, description: string, applies: (operation: Operation) => boolean][] = [
    ['400', 'text that cannot be stored (a NUL, a lone UTF-16 surrogate), named by its field', (operation) => Boolean(operation.requestBody || operation.parameters?.length)],
    ['503', 'the database is unreachable now; retry', () => true],
    ['413', `a body larger than ${JSON_BODY_LIMITS.bytes} bytes`, (operation) => Boolean(operation.requestBody)],
    ['422', `a number beyond ${Number.MAX_SAFE_INTEGER}, which no JSON number keeps exactly`, (operation) => Boolean(operation.requestBody)],
  ];
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      for (const [status, description, applies] of edge) {
        if (!applies(operation)) continue;
        const stated = operation.responses[status];
        operation.responses[status] = stated ? { ...stated, description: `${stated.description}; ${description}` } : { description, content: error };
      }
      // Every error answer is the same JSON, also those a route states without a body (408, 413, 429).
      for (const [status, answer] of Object.entries(operation.responses)) {
        if (/^[45]/.test(status) && typeof answer === 'object' && answer && !('$ref' in answer) && !answer.content) operation.responses[status] = { ...answer, content: error };
      }
    }
  }
}

/** A write that creates (201) or, asked again, answers what is there (200), for the OpenAPI document. */
export function ApiCreatedOrExisting(meaning: { created: string; existing: string }) {
  return applyDecorators(ApiResponse({ status: 201, description: meaning.created }), ApiResponse({ status: 200, description: meaning.existing }));
}
