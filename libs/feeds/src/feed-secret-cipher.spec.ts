import { randomBytes } from 'node:crypto';
import { FeedSecretCipher } from './feed-secret-cipher';

const owner = { sourceName: 'crm', keyId: '20270301-ab12cd34' };
const older = { keyId: 'k1', key: randomBytes(32) };
const newer = { keyId: 'k2', key: randomBytes(32) };
const secret = randomBytes(32).toString('base64url');

describe('feed secrets sealed at rest', () => {
  it('keeps no trace of the secret in what it stores, and opens it again for the same source and key only', () => {
    const cipher = new FeedSecretCipher([older]);
    const stored = cipher.seal(secret, owner);
    expect(stored).toMatch(/^sealed:v1:k1:/);
    expect(stored).not.toContain(secret);
    expect(cipher.seal(secret, owner)).not.toBe(stored);
    expect(cipher.open(stored, owner)).toBe(secret);
    // Copied onto another source's row, it does not open.
    expect(() => cipher.open(stored, { ...owner, sourceName: 'erp' })).toThrow();
  });

  it('opens what an older key sealed after a new key goes first, and tells what needs resealing', () => {
    const before = new FeedSecretCipher([older]).seal(secret, owner);
    const rotated = new FeedSecretCipher([newer, older]);
    expect(rotated.open(before, owner)).toBe(secret);
    expect(rotated.needsResealing(before)).toBe(true);
    const resealed = rotated.seal(rotated.open(before, owner), owner);
    expect(rotated.needsResealing(resealed)).toBe(false);
    // Once the old key is dropped, only what it sealed fails, naming the key.
    expect(() => new FeedSecretCipher([newer]).open(before, owner)).toThrow("the secret of key '20270301-ab12cd34' of source 'crm' is sealed with 'k1', which TOLLGATE_FEED_SECRET_KEYS no longer holds");
    expect(new FeedSecretCipher([newer]).open(resealed, owner)).toBe(secret);
  });

  it('opens a secret stored before sealing as it is, and marks it for resealing', () => {
    const cipher = new FeedSecretCipher([older]);
    expect(cipher.open(secret, owner)).toBe(secret);
    expect(cipher.needsResealing(secret)).toBe(true);
  });

  it('refuses a sealed secret cut short or malformed rather than signing with it, and tells which it cannot open', () => {
    const cipher = new FeedSecretCipher([older]);
    const stored = cipher.seal(secret, owner);
    expect(() => cipher.open(stored.slice(0, -10), owner)).toThrow();
    expect(() => cipher.open('sealed:v2:whatever', owner)).toThrow("the secret of key '20270301-ab12cd34' of source 'crm' is not a well-formed sealed secret");
    expect(cipher.canOpen(stored)).toBe(true);
    expect(cipher.canOpen(secret)).toBe(true);
    expect(new FeedSecretCipher([newer]).canOpen(stored)).toBe(false);
  });
});
