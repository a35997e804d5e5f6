import { z } from 'zod';
import { identifier, period } from './event-fields';

const family = z.string().trim().min(1).max(100);
const volume = z.number().int().min(0);
// One message carries at most two years of months for forty families, as a plan change over the API does.
const MAX_CELLS = 1000;
const volumes = z
  .array(z.strictObject({ family, period, volume }))
  .min(1)
  .max(MAX_CELLS);

/**
 * The data of the inbound feeds: what sales, operations and planning systems
 * send on their own topics, each message signed with its registered source's
 * key. Nothing inside Tollgate produces these types. The schemas are closed:
 * a property they do not name is refused (dead-lettered), never carried along.
 */
export const FEED_EVENT_SCHEMAS = {
  /** Demand as it happened, per family and period, for a node; a family and period sent again replaces the figure. */
  'sales.demand-actuals': z.strictObject({
    orgNodeId: identifier,
    demand: volumes,
  }),
  /** Forecast demand written into the node's plan of record, or into one of its scenarios when `scenarioId` names it. */
  'sales.demand-forecast': z.strictObject({
    orgNodeId: identifier,
    scenarioId: identifier.optional(),
    demand: volumes,
  }),
  /** Planned capacity written into the node's plan of record, or into one of its scenarios when `scenarioId` names it. */
  'operations.capacity-plan': z.strictObject({
    orgNodeId: identifier,
    scenarioId: identifier.optional(),
    capacity: volumes,
  }),
  /** A measure's forecast per period from a planning system registered for the initiative's program. */
  'initiative.measure-forecast': z.strictObject({
    initiativeId: identifier,
    forecasts: z
      .array(
        z.strictObject({
          measureId: identifier,
          forecastValues: z
            .array(z.strictObject({ period, amount: z.number().int() }))
            .min(1)
            .max(120),
        }),
      )
      .min(1)
      .max(100),
  }),
};

export type FeedEventType = keyof typeof FEED_EVENT_SCHEMAS;

export const FEED_EVENT_TYPES = Object.keys(FEED_EVENT_SCHEMAS) as FeedEventType[];

export function isFeedEventType(type: string): type is FeedEventType {
  return Object.prototype.hasOwnProperty.call(FEED_EVENT_SCHEMAS, type);
}

/**
 * The inbound topic of each feed event (`<domain>.<what>`, as
 * `finance.value-confirmations`), keyed by the node or the initiative it
 * speaks of, and the service that applies it.
 */
export const FEED_TOPICS = {
  'sales.demand-actuals': { topic: 'sales.demand-actuals', appliedBy: 'plans', key: 'orgNodeId' },
  'sales.demand-forecast': { topic: 'sales.demand-forecasts', appliedBy: 'plans', key: 'orgNodeId' },
  'operations.capacity-plan': { topic: 'operations.capacity-plans', appliedBy: 'plans', key: 'orgNodeId' },
  'initiative.measure-forecast': { topic: 'planning.measure-forecasts', appliedBy: 'initiatives', key: 'initiativeId' },
} as const satisfies Record<FeedEventType, { topic: string; appliedBy: 'plans' | 'initiatives'; key: string }>;

/**
 * Headers of a feed message: the registered source that sends it, which of
 * its keys signed it (keys rotate with an overlap), and
 * `sha256=<hex HMAC-SHA256 of the value bytes>` with that key.
 */
export const FEED_SIGNATURE_HEADERS = {
  source: 'x-tollgate-source',
  keyId: 'x-tollgate-key-id',
  signature: 'x-tollgate-signature',
} as const;
