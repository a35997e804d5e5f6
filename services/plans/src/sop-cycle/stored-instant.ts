import { instantAt, type Instant } from '@tollgate/domain';

/**
 * An instant of a cycle's state as ISO-8601. Cycles projected before the
 * state kept instants as ISO strings stored epoch milliseconds (read back as
 * numbers, or as digits where SQL reads the state as text); those read the same.
 */
export function storedInstant(value: Instant | number): Instant;
export function storedInstant(value: Instant | number | null): Instant | null;
export function storedInstant(value: Instant | number | null): Instant | null {
  if (typeof value === 'number') return instantAt(value);
  return value !== null && /^\d+$/.test(value) ? instantAt(Number(value)) : value;
}
