import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { unstorableTexts } from '@tollgate/domain';

// Where an argument comes from, as a client names it.
const ORIGIN: Partial<Record<ArgumentMetadata['type'], string>> = { body: 'body', query: 'query', param: 'path', custom: 'token' };

/**
 * Refuses, on every route, a body, query, path parameter or token claim
 * holding text that cannot be stored: a 400 naming each field, before any
 * validation, service or workflow sees it.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const origin = ORIGIN[metadata.type] ?? metadata.type;
    const problems = unstorableTexts(value, metadata.data ? `${origin}.${metadata.data}` : origin);
    if (problems.length > 0) throw new BadRequestException(problems.map(({ path, problem }) => `${path} ${problem}`));
    return value;
  }
}
