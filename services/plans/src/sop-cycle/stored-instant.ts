import { instantAt, type Instant } from '@tollgate/domain';

/**
 * An instant of a cycle's state as ISO-8601. Cycles projected before the
 * state kept instants as ISO strings stored epoch milliseconds; those read
 * the same.
 */
export function storedInstant(value: Instant | number): Instant;
export function storedInstant(value: Instant | number | null): Instant | null;
export function storedInstant(value: Instant | number | null): Instant | null {
  return typeof value === 'number' ? instantAt(value) : value;
}
