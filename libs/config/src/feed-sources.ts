import type { FeedSource } from '@tollgate/domain';
import { parseIsoDuration } from '@tollgate/domain';
import { z } from 'zod';

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

/**
 * The feed sources a service takes from its settings: `TOLLGATE_FEED_SOURCES`,
 * a JSON array of `{ name, eventTypes, orgNodeIds, keys: [{ keyId, secret,
 * retiresAt? }] }`, limited to the feed types this service applies; and
 * `TOLLGATE_FEED_KEY_OVERLAP`, how long a rotated-out key keeps working when
 * a rotation names no overlap (default P7D).
 */
export function feedSettings(acceptedTypes: readonly string[]) {
  const list = feedSourceList(acceptedTypes);
  return z
    .object({
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
      TOLLGATE_FEED_KEY_OVERLAP: z
        .string()
        .trim()
        .default('P7D')
        .transform((text, context) => {
          const ms = parseIsoDuration(text);
          if (ms === undefined) {
            context.addIssue({ code: 'custom', message: 'expected an ISO-8601 duration of weeks, days or hours, such as P7D' });
            return z.NEVER;
          }
          return ms;
        }),
    })
    .transform((env) => ({ feeds: { acceptedTypes, sources: env.TOLLGATE_FEED_SOURCES, keyOverlapMs: env.TOLLGATE_FEED_KEY_OVERLAP } }));
}

/** What a service knows of its feeds from its settings. */
export interface FeedSettings {
  feeds: { acceptedTypes: readonly string[]; sources: FeedSource[]; keyOverlapMs: number };
}
