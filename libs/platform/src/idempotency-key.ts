import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` header, checked: printable ASCII, at most 200 characters. */
export function idempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY.test(header)) throw new BadRequestException('Idempotency-Key must be 1 to 200 printable ASCII characters');
  return header;
}

/**
 * A UUID derived from a caller's idempotency key, so that a retried create
 * names the same initiative (and so the same workflow id) as the first.
 */
export function uuidFromKey(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant bits.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
