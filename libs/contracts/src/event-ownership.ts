import type { EventEnvelope } from './event-envelope';
import { isFeedEventType } from './feed-events';

/** A Tollgate service that produces events on its own `tollgate.*` topic. */
export type ProducingService = 'plans' | 'initiatives' | 'finance';

export const PRODUCING_SERVICES: readonly ProducingService[] = ['plans', 'initiatives', 'finance'];

const OWNER_BY_PREFIX: Record<string, ProducingService> = {
  'initiative.': 'initiatives',
  'finance.': 'finance',
  'plans.': 'plans',
};

/**
 * The one service whose word is taken for an event: an envelope of this type
 * is believed only when that service signed it. A stack probe belongs to the
 * service that recorded it. A feed event has no owner inside Tollgate: it is
 * believed only on its inbound topic, from a registered source.
 */
export function eventOwner(event: EventEnvelope): ProducingService | undefined {
  if (isFeedEventType(event.type)) return undefined;
  if (event.type === 'stack.probe-recorded') return event.data.service;
  const prefix = Object.keys(OWNER_BY_PREFIX).find((candidate) => event.type.startsWith(candidate));
  if (!prefix) throw new Error(`no owner is known for event type '${event.type}'`);
  return OWNER_BY_PREFIX[prefix];
}

/** The `source` an owner writes into its envelopes. */
export function sourceOf(service: ProducingService): string {
  return `tollgate/${service}`;
}
