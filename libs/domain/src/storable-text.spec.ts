import { findUnstorableText, storableText, textProblem, unstorableTexts } from './storable-text';

describe('text that can be stored', () => {
  it('passes ordinary text, accents and characters beyond the BMP (a surrogate pair)', () => {
    expect(textProblem('Réduire les coûts 📦 in Lyon')).toBeNull();
    expect(findUnstorableText({ title: 'ok', measures: [{ name: 'Fracht 🚚' }] })).toBeNull();
  });

  it('names NUL and lone surrogates, high or low, with the path where they are', () => {
    expect(textProblem('a\u0000b')).toBe('contains a NUL character');
    expect(textProblem('end \ud800')).toBe('contains a lone UTF-16 surrogate');
    expect(textProblem('\udc00 start')).toBe('contains a lone UTF-16 surrogate');
    expect(findUnstorableText({ measures: [{ name: 'ok' }, { name: 'x\u0000' }] })).toEqual({ path: 'measures.1.name', problem: 'contains a NUL character' });
    expect(findUnstorableText({ ['bad\u0000key']: 1 }, 'body')).toEqual({ path: 'body', problem: 'has a key that contains a NUL character' });
    expect(unstorableTexts({ a: 'x\u0000', b: ['ok', '\ud800'] }, 'body')).toEqual([
      { path: 'body.a', problem: 'contains a NUL character' },
      { path: 'body.b.1', problem: 'contains a lone UTF-16 surrogate' },
    ]);
    expect(findUnstorableText('\ud800', 'query.programId')).toEqual({ path: 'query.programId', problem: 'contains a lone UTF-16 surrogate' });
  });

  it('walks a document nested far deeper than the call stack allows', () => {
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(findUnstorableText(deep)?.problem).toBe('contains a NUL character');
  });

  it('passes the bytes of an upload of 25 MiB whole, without walking them as entries', () => {
    // Walked entry by entry (25 million of them), the upload took gigabytes and half a minute: past this test's time and heap.
    const upload = new Uint8Array(25 * 1024 * 1024);
    expect(unstorableTexts({ file: upload }, 'body')).toEqual([]);
  });
});

describe('text made storable', () => {
  it('drops NULs, mends lone surrogates and cuts without splitting a character', () => {
    expect(storableText('250 OK\u0000 queued', 100)).toBe('250 OK queued');
    expect(storableText('a\ud800b\udc00c', 100)).toBe('a\ufffdb\ufffdc');
    // '😀' is two UTF-16 units: a cut through it keeps neither half.
    expect(storableText('ab😀cd', 3)).toBe('ab');
    expect(storableText('ab😀cd', 4)).toBe('ab😀');
    expect(textProblem(storableText('x\u0000\udfff😀'.repeat(50), 101))).toBeNull();
  });
});
