import type { FeedSource } from '@tollgate/domain';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { durationSetting } from './duration-setting';
import { nodeEnvironment } from './service-config';

/** A source's name: what its messages carry in `x-tollgate-source` and as the envelope's `source`. */
export const FEED_SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;
/** A key id: what a message carries in `x-tollgate-key-id`. */
export const FEED_KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** The shortest HMAC key accepted: 32 bytes of entropy written as text. */
export const FEED_SECRET_MIN_LENGTH = 32;

function feedSourceList(acceptedTypes: readonly string[]) {
  const key = z.object({
    keyId: z.string().regex(FEED_KEY_ID, 'letters, digits, dot, dash, underscore; at most 64'),
    secret: z.string().min(FEED_SECRET_MIN_LENGTH, `at least ${FEED_SECRET_MIN_LENGTH} characters`),
    retiresAt: z.iso.datetime({ offset: true }).optional(),
  });
  const source = z.object({
    name: z.string().regex(FEED_SOURCE_NAME, 'lower-case letters, digits, dot, dash, underscore; at most 100'),
    eventTypes: z.array(z.enum(acceptedTypes as [string, ...string[]])).min(1),
    orgNodeIds: z.array(z.string().trim().min(1).max(200)).min(1),
    keys: z.array(key).min(1),
  });
  return z.array(source).superRefine((sources, context) => {
    const names = sources.map((entry) => entry.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) context.addIssue({ code: 'custom', path: [index, 'name'], message: `source '${name}' is listed twice` });
    });
  });
}

/** A key that encrypts feed secrets at rest: its id is stored beside each secret it sealed. */
export interface FeedSecretKey {
  keyId: string;
  key: Buffer;
}

/** The development key: derived from a public text, so it protects nothing and is refused in production. */
export const DEVELOPMENT_FEED_SECRET_KEY: FeedSecretKey = { keyId: 'dev-1', key: createHash('sha256').update('tollgate development feed secret key').digest() };

/**
 * `TOLLGATE_FEED_SECRET_KEYS`: `keyId=<32 bytes in base64>` entries separated
 * by commas. The first seals the secrets of registered sources; every one
 * opens them, so a new key goes first, the service reseals every secret with
 * it at start, and the old one can then be dropped.
 */
const feedSecretKeys = z
  .string()
  .trim()
  .optional()
  .transform((text, context): FeedSecretKey[] => {
    if (!text) return [DEVELOPMENT_FEED_SECRET_KEY];
    const keys: FeedSecretKey[] = [];
    for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const at = entry.indexOf('=');
      const keyId = at > 0 ? entry.slice(0, at) : '';
      const key = Buffer.from(entry.slice(at + 1), 'base64');
      if (!FEED_KEY_ID.test(keyId) || key.length !== 32) {
        context.addIssue({ code: 'custom', message: `expected keyId=<32 bytes in base64> entries, such as k1=${Buffer.alloc(32).toString('base64')}` });
        return z.NEVER;
      }
      if (keys.some((known) => known.keyId === keyId)) {
        context.addIssue({ code: 'custom', message: `key '${keyId}' is listed twice` });
        return z.NEVER;
      }
      keys.push({ keyId, key });
    }
    return keys;
  });

/**
 * The feed sources a service takes from its settings: `TOLLGATE_FEED_SOURCES`,
 * a JSON array of `{ name, eventTypes, orgNodeIds, keys: [{ keyId, secret,
 * retiresAt? }] }`, limited to the feed types this service applies; and
 * `TOLLGATE_FEED_KEY_OVERLAP`, how long a rotated-out key keeps working when
 * a rotation names no overlap (default P7D); and `TOLLGATE_FEED_SECRET_KEYS`,
 * the keys registered sources' secrets are encrypted with at rest (a
 * development key outside production).
 */
export function feedSettings(acceptedTypes: readonly string[]) {
  const list = feedSourceList(acceptedTypes);
  return z
    .object({
      NODE_ENV: nodeEnvironment,
      TOLLGATE_FEED_SECRET_KEYS: feedSecretKeys,
      TOLLGATE_FEED_SOURCES: z
        .string()
        .trim()
        .default('[]')
        .transform((text, context) => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch (error) {
            context.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
            return z.NEVER;
          }
          const parsed = list.safeParse(json);
          if (!parsed.success) {
            for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
            return z.NEVER;
          }
          return parsed.data.map(
            (entry): FeedSource => ({
              name: entry.name,
              eventTypes: entry.eventTypes,
              orgNodeIds: entry.orgNodeIds,
              keys: entry.keys.map((item) => ({ keyId: item.keyId, secret: item.secret, createdAt: new Date(0).toISOString(), retiresAt: item.retiresAt ? new Date(item.retiresAt).toISOString() : null })),
              origin: 'settings',
            }),
          );
        }),
      TOLLGATE_FEED_KEY_OVERLAP: durationSetting('P7D').transform((duration) => duration.ms),
    })
    .superRefine((env, context) => {
      if (env.NODE_ENV === 'production' && env.TOLLGATE_FEED_SECRET_KEYS.some((entry) => entry.keyId === DEVELOPMENT_FEED_SECRET_KEY.keyId && entry.key.equals(DEVELOPMENT_FEED_SECRET_KEY.key))) {
        context.addIssue({ code: 'custom', path: ['TOLLGATE_FEED_SECRET_KEYS'], message: "the development key is refused in production; set the keys registered feed sources' secrets are encrypted with" });
      }
    })
    .transform((env) => ({
      feeds: { acceptedTypes, sources: env.TOLLGATE_FEED_SOURCES, keyOverlapMs: env.TOLLGATE_FEED_KEY_OVERLAP, secretKeys: env.TOLLGATE_FEED_SECRET_KEYS },
    }));
}

/** What a service knows of its feeds from its settings. */
export interface FeedSettings {
  feeds: { acceptedTypes: readonly string[]; sources: FeedSource[]; keyOverlapMs: number; secretKeys: FeedSecretKey[] };
}
