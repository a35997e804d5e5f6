/** One signing key of a feed source; a rotated-out key keeps working until it retires. */
export interface FeedSourceKey {
  keyId: string;
  secret: string;
  createdAt: string;
  /** When the key stops being accepted; null while it is the source's current key. */
  retiresAt: string | null;
}

/**
 * An outside system registered to send on Tollgate's inbound feeds: the
 * event types it may send, the org nodes it may speak for, and its keys.
 */
export interface FeedSource {
  name: string;
  eventTypes: readonly string[];
  orgNodeIds: readonly string[];
  keys: readonly FeedSourceKey[];
  /** Set in the service's settings (read-only here), or registered through the admin route. */
  origin: 'settings' | 'registered';
}

/** The longest overlap a rotation may give the old key: a leaked key must not live on for long. */
export const MAX_KEY_OVERLAP_MS = 90 * 86_400_000;

/** Why this source's key may not be used at this instant, or undefined when it may. */
export function feedKeyProblem(source: FeedSource, keyId: string, at: Date): string | undefined {
  const key = source.keys.find((candidate) => candidate.keyId === keyId);
  if (!key) return `unknown key: source '${source.name}' has no key '${keyId.slice(0, 64)}'`;
  if (key.retiresAt !== null && Date.parse(key.retiresAt) <= at.getTime()) {
    return `retired key: key '${keyId}' of source '${source.name}' retired at ${key.retiresAt}`;
  }
  return undefined;
}

/** Why this source may not send this event type, or undefined when it may. */
export function feedTypeProblem(source: FeedSource, type: string): string | undefined {
  return source.eventTypes.includes(type) ? undefined : `out of scope: source '${source.name}' may not send '${type}' (it may send ${source.eventTypes.join(', ') || 'nothing'})`;
}

/**
 * Why this source may not speak for the node, or undefined when it may. A
 * source registered for a node speaks for it and for everything under it:
 * `lineage` is the node's id followed by its ancestors' up to the root.
 */
export function feedNodeProblem(source: FeedSource, nodeId: string, lineage: readonly string[]): string | undefined {
  return lineage.some((id) => source.orgNodeIds.includes(id)) ? undefined : `out of scope: source '${source.name}' is not registered for node ${nodeId}`;
}

/**
 * The keys after a rotation at `at`: the new key is current, and every key
 * still current retires after the overlap, so that senders have time to
 * switch. Keys already retiring keep their own, earlier, end.
 */
export function rotateFeedKeys(keys: readonly FeedSourceKey[], next: { keyId: string; secret: string }, at: Date, overlapMs: number): FeedSourceKey[] {
  // Every earlier key retires within this rotation's overlap: a key leaked and retiring slowly is cut
  // short by a rotation with a shorter one, and an overlap of zero retires them all at once.
  const cutoff = at.getTime() + overlapMs;
  const retiring = keys.map((key) => ({ ...key, retiresAt: new Date(Math.min(key.retiresAt === null ? cutoff : Date.parse(key.retiresAt), cutoff)).toISOString() }));
  return [...retiring.filter((key) => Date.parse(key.retiresAt) > at.getTime()), { keyId: next.keyId, secret: next.secret, createdAt: at.toISOString(), retiresAt: null }];
}
