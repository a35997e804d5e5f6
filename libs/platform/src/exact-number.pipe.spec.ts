import { UnprocessableEntityException } from '@nestjs/common';
import { ExactNumberPipe, inexactNumbers } from './exact-number.pipe';

describe('numbers beyond what a double keeps exactly', () => {
  it('names each one by its path', () => {
    expect(inexactNumbers({ amount: 2 ** 53, lines: [{ value: 1 }, { value: -(2 ** 60) }] }, 'body')).toEqual([
      'body.amount is beyond 9007199254740991, the largest number kept exactly',
      'body.lines.1.value is beyond 9007199254740991, the largest number kept exactly',
    ]);
    expect(() => new ExactNumberPipe().transform({ amount: 2 ** 53 }, { type: 'body' })).toThrow(UnprocessableEntityException);
  });

  it('passes an upload of 25 MiB at once, without walking its bytes', () => {
    const file = Buffer.alloc(25 * 1024 * 1024, 7);
    // Walked entry by entry, it took half a minute and gigabytes: past this test's time and heap.
    expect(new ExactNumberPipe().transform(file, { type: 'body' })).toBe(file);
  });
});
