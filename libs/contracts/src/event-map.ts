import { z } from 'zod';
import { FEED_EVENT_SCHEMAS } from './feed-events';
import { FINANCE_EVENT_SCHEMAS } from './finance-events';
import { INITIATIVE_EVENT_SCHEMAS } from './initiative-events';
import { PLANS_EVENT_SCHEMAS } from './plans-events';

/**
 * Data of `stack.probe-recorded`: a service recorded a stack probe, the
 * end-to-end check that crosses Temporal, PostgreSQL and Kafka.
 */
export const probeRecordedData = z.object({
  probeId: z.string().min(1).max(100),
  service: z.enum(['plans', 'initiatives', 'finance']),
  recordedAt: z.iso.datetime(),
});

/** One typed map from event type to the schema of its `data`. */
export const EVENT_DATA_SCHEMAS = {
  'stack.probe-recorded': probeRecordedData,
  ...INITIATIVE_EVENT_SCHEMAS,
  ...PLANS_EVENT_SCHEMAS,
  ...FINANCE_EVENT_SCHEMAS,
  ...FEED_EVENT_SCHEMAS,
} as const;

export type EventType = keyof typeof EVENT_DATA_SCHEMAS;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA_SCHEMAS)[T]>;

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DATA_SCHEMAS, value);
}
