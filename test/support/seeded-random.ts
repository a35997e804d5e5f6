/**
 * A small seeded generator (xorshift32) answering numbers in [0, 1): a fault
 * test draws its choices from it, so that a failing run repeats with its seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
