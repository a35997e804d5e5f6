import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

// PostgreSQL refuses a NUL in text, and a lone UTF-16 surrogate is no Unicode:
// neither can be stored, indexed or sent on as UTF-8.
const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Where an argument comes from, as a client names it.
const ORIGIN: Partial<Record<ArgumentMetadata['type'], string>> = { body: 'body', query: 'query', param: 'path', custom: 'token' };

function flaw(text: string): string | null {
  if (text.includes(NUL)) return 'a NUL character';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate';
  return null;
}

/** Every text of a value that cannot be stored, each named by its path (`body.measures.0.name contains a NUL character`). */
export function unstorableText(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const found = flaw(value);
    return found ? [`${path} contains ${found}`] : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const inKey = flaw(key);
    // The key itself cannot be printed safely: name where it is and what it holds.
    if (inKey) return [`${path} has a key that contains ${inKey}`];
    return unstorableText(item, `${path}.${key}`);
  });
}

/**
 * Refuses, on every route, a body, query, path parameter or token claim
 * holding text that cannot be stored: a 400 naming each field, before any
 * validation, service or workflow sees it.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const origin = ORIGIN[metadata.type] ?? metadata.type;
    const problems = unstorableText(value, metadata.data ? `${origin}.${metadata.data}` : origin);
    if (problems.length > 0) throw new BadRequestException(problems);
    return value;
  }
}
