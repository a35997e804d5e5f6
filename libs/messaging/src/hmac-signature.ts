import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * The signature header value an outside system sends (a finance system, a
 * feed source): `sha256=<hex HMAC-SHA256 of the value bytes>`.
 */
export function signWithHmac(value: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(value).digest('hex')}`;
}

/**
 * Why a message's signature is not acceptable, or undefined when it is. The
 * comparison takes the same time whatever the bytes, so it leaks nothing.
 */
export function hmacSignatureProblem(value: Buffer | null, header: Buffer | string | undefined, secret: string): string | undefined {
  if (header === undefined) return 'bad signature: the x-tollgate-signature header is missing';
  const match = SIGNATURE.exec(header.toString().trim());
  if (!match) return "bad signature: the header is not 'sha256=<64 hex digits>'";
  const expected = createHmac('sha256', secret).update(value ?? Buffer.alloc(0)).digest();
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? undefined : 'bad signature: it does not match the message';
}
