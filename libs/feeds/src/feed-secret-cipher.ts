import type { FeedSecretKey } from '@tollgate/config';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SEALED_PREFIX = 'sealed:';
const SEALED = /^sealed:v1:([A-Za-z0-9._-]{1,64}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;
const TAG_BYTES = 16;

type SecretOwner = { sourceName: string; keyId: string };
/** What a sealed secret is bound to: a copy on another row does not open. */
const boundTo = (owner: SecretOwner) => Buffer.from(`${owner.sourceName}\u0000${owner.keyId}`);
const named = (owner: SecretOwner) => `the secret of key '${owner.keyId}' of source '${owner.sourceName}'`;

/**
 * Seals a feed source's HMAC secret for its row and opens it again: AES-256-GCM
 * under the first of the settings' keys, bound to the source and key id it
 * belongs to (so a sealed secret copied onto another row does not open). A
 * secret stored before sealing existed opens as it is, and is resealed.
 */
export class FeedSecretCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(private readonly secretKeys: readonly FeedSecretKey[]) {
    if (secretKeys.length === 0) throw new Error('feed secrets need at least one key');
    this.keys = new Map(secretKeys.map((entry) => [entry.keyId, entry.key]));
  }

  seal(secret: string, owner: SecretOwner): string {
    const current = this.secretKeys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv);
    cipher.setAAD(boundTo(owner));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `sealed:v1:${current.keyId}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  open(stored: string, owner: SecretOwner): string {
    const match = SEALED.exec(stored);
    if (!match) {
      // Something that says it is sealed but is not well formed is no secret to sign with.
      if (stored.startsWith(SEALED_PREFIX)) throw new Error(`${named(owner)} is not a well-formed sealed secret`);
      return stored;
    }
    const [, keyId, iv, sealed] = match;
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`${named(owner)} is sealed with '${keyId}', which TOLLGATE_FEED_SECRET_KEYS no longer holds`);
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= TAG_BYTES) throw new Error(`${named(owner)} is cut short`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(boundTo(owner));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** Whether a stored secret is plain or sealed with a key other than the current one. */
  needsResealing(stored: string): boolean {
    return SEALED.exec(stored)?.[1] !== this.secretKeys[0].keyId;
  }

  /** Whether the settings still hold the key a stored secret was sealed with (a plain one needs none). */
  canOpen(stored: string): boolean {
    const match = SEALED.exec(stored);
    return match ? this.keys.has(match[1]) : !stored.startsWith(SEALED_PREFIX);
  }
}
