import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ServiceName } from './service-config';

const SERVICES: readonly ServiceName[] = ['plans', 'initiatives', 'finance'];

/** The key id of the development keys, which production refuses. */
export const DEVELOPMENT_KEY_ID = 'dev-1';

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The development signing key of a service, derived from a public seed so
 * that every process of a local stack and every test agrees on it without
 * setup. Anyone can compute it: production refuses it.
 */
export function developmentSigningKey(service: ServiceName): KeyObject {
  const seed = createHash('sha256').update(`tollgate-development-signing-key:${service}`).digest();
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** Public keys a consumer believes, per service and key id. */
export type TrustedSigningKeys = Record<ServiceName, Record<string, KeyObject>>;

/** What a service signs its envelopes with, and whose signatures it believes. */
export interface SigningSettings {
  keyId: string;
  privateKey: KeyObject;
  trusted: TrustedSigningKeys;
  /** True while any development key is in use (refused in production). */
  usesDevelopmentKeys: boolean;
}

/** The trusted keyring of a local stack: the three development public keys. */
export function developmentTrustedKeys(): TrustedSigningKeys {
  const trusted = {} as TrustedSigningKeys;
  for (const service of SERVICES) trusted[service] = { [DEVELOPMENT_KEY_ID]: createPublicKey(developmentSigningKey(service)) };
  return trusted;
}

/** `service/keyId=<base64 SPKI DER>` for a public key, the form `TOLLGATE_TRUSTED_SIGNING_KEYS` takes. */
export function trustedKeyEntry(service: ServiceName, keyId: string, publicKey: KeyObject): string {
  return `${service}/${keyId}=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`;
}

/** Parses an Ed25519 private key given as PEM (newlines may be written `\n`) or as base64 PKCS#8 DER. */
export function parsePrivateKey(text: string): KeyObject {
  const pem = text.replace(/\\n/g, '\n').trim();
  const key = pem.startsWith('-----')
    ? createPrivateKey(pem)
    : createPrivateKey({ key: Buffer.from(pem, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

/** Parses `service/keyId=<base64 SPKI DER>` entries separated by commas or whitespace. */
export function parseTrustedKeys(text: string): TrustedSigningKeys {
  const trusted = { plans: {}, initiatives: {}, finance: {} } as TrustedSigningKeys;
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^(plans|initiatives|finance)\/([A-Za-z0-9._-]{1,64})=([A-Za-z0-9+/=]+)$/.exec(entry);
    if (!match) throw new Error(`'${entry.slice(0, 40)}' is not service/keyId=<base64 SPKI DER>`);
    const key = createPublicKey({ key: Buffer.from(match[3], 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the key of ${match[1]}/${match[2]} is not Ed25519`);
    trusted[match[1] as ServiceName][match[2]] = key;
  }
  return trusted;
}

/** Whether a public key is the development key of a service. */
export function isDevelopmentKey(service: ServiceName, key: KeyObject): boolean {
  return createPublicKey(developmentSigningKey(service)).equals(key);
}

/**
 * A fresh signing key for a service, as the settings take it: the private
 * key (PEM) and its keyring entry. For operators' tooling and tests.
 */
export function generateSigningKey(service: ServiceName, keyId: string): { privateKeyPem: string; keyringEntry: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    keyringEntry: trustedKeyEntry(service, keyId, publicKey),
  };
}
