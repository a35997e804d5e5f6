import type { INestApplication } from '@nestjs/common';
import { json, type NextFunction, type Request, type Response } from 'express';
import { STATUS_CODES } from 'node:http';

/** What a request body may be; larger answers 413, deeper 400 (documented in docs/api.md). */
export const JSON_BODY_LIMITS = { bytes: 100 * 1024, depth: 32 } as const;

// The body parser's own client errors (http-errors: `expose` set, a 4xx status),
// in words a client can act on.
const BODY_ERRORS: Record<string, string> = {
  'entity.too.large': `the body is larger than ${JSON_BODY_LIMITS.bytes} bytes`,
};

interface ClientError {
  status: number;
  expose: true;
  type?: string;
  message: string;
}

function isClientError(exception: unknown): exception is ClientError {
  const candidate = exception as Partial<ClientError> | null;
  return candidate?.expose === true && typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500;
}

/**
 * The answer to a body the parser refused (too large, too deep, not JSON), or
 * null for any other error. The body parser answers with it itself, so that no
 * route or static handler that comes after it can turn it into something else.
 */
export function bodyRefusal(exception: unknown): { statusCode: number; error: string; message: string } | null {
  if (!isClientError(exception)) return null;
  const message = (exception.type && BODY_ERRORS[exception.type]) ?? exception.message;
  return { statusCode: exception.status, error: STATUS_CODES[exception.status] ?? 'Error', message };
}

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** How deep the arrays and objects of a JSON text nest, read from its bytes (strings skipped), stopping past `limit`. */
export function jsonNesting(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSE.has(byte)) depth -= 1;
  }
  return deepest;
}

// Shaped as the body parser's own client errors, so the error filter answers it the same way.
function tooDeep(): Error {
  return Object.assign(new Error(`the body nests arrays and objects deeper than ${JSON_BODY_LIMITS.depth} levels`), {
    status: 400,
    statusCode: 400,
    expose: true,
    type: 'entity.too.deep',
  });
}

/**
 * The JSON body parser of every service: at most JSON_BODY_LIMITS.bytes, and
 * nesting checked on the raw bytes before parsing, so that no deep structure
 * reaches a validator's recursion. Nest keeps it instead of its own default.
 */
export function useJsonBody(app: INestApplication): void {
  const parse = json({
    limit: JSON_BODY_LIMITS.bytes,
    verify: (_request, _response, bytes) => {
      if (jsonNesting(bytes, JSON_BODY_LIMITS.depth) > JSON_BODY_LIMITS.depth) throw tooDeep();
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => {
      const refusal = error ? bodyRefusal(error) : null;
      if (refusal) response.status(refusal.statusCode).json(refusal);
      else next(error);
    }),
  );
}
