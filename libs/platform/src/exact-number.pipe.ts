import { ArgumentMetadata, Injectable, PipeTransform, UnprocessableEntityException } from '@nestjs/common';

/** Every number of a value beyond ±(2^53 − 1), each named by its path. */
export function inexactNumbers(value: unknown, path: string): string[] {
  if (typeof value === 'number') {
    return Math.abs(value) > Number.MAX_SAFE_INTEGER ? [`${path} is beyond ${Number.MAX_SAFE_INTEGER}, the largest number kept exactly`] : [];
  }
  // An upload's bytes are no JSON: walking a file of 25 MiB byte by byte stalled the service for half a minute.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => inexactNumbers(item, `${path}.${key}`));
}

/**
 * Refuses (422, as the domain's rules refuse an amount that is no whole
 * number of minor units) a body holding a number beyond what a double keeps
 * exactly. JSON.parse has already rounded such a number (9007199254740993
 * arrives as ...992), so the one safe answer is to refuse every one of them
 * rather than store a figure nobody sent.
 */
@Injectable()
export class ExactNumberPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const problems = inexactNumbers(value, metadata.data ? `body.${metadata.data}` : 'body');
    if (problems.length > 0) throw new UnprocessableEntityException(problems);
    return value;
  }
}
