import type { INestApplication } from '@nestjs/common';
import { json } from 'express';

/** What a request body may be; larger answers 413, deeper 400 (documented in the README). */
export const JSON_BODY_LIMITS = { bytes: 100 * 1024, depth: 32 } as const;

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
  app.use(
    json({
      limit: JSON_BODY_LIMITS.bytes,
      verify: (_request, _response, bytes) => {
        if (jsonNesting(bytes, JSON_BODY_LIMITS.depth) > JSON_BODY_LIMITS.depth) throw tooDeep();
      },
    }),
  );
}
