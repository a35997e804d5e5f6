import { jsonNesting } from './json-body';

const depth = (text: string, limit = 32) => jsonNesting(Buffer.from(text), limit);

describe('JSON nesting read from the bytes', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(depth('1')).toBe(0);
    expect(depth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depth('{"a":"say \\"[[[\\" twice","b":[]}')).toBe(2);
  });

  it('stops reading once past the limit', () => {
    expect(depth('['.repeat(100_000), 32)).toBe(33);
  });
});
