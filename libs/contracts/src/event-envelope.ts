import { findUnstorableText } from '@tollgate/domain';
import { z } from 'zod';
import { EVENT_DATA_SCHEMAS, EventData, EventType, isEventType } from './event-map';

/** The current version of the envelope and of every event's data. */
export const SCHEMA_VERSION = 1;

const identifier = z.string().trim().min(1).max(200);

/**
 * The JSON envelope of every Kafka message: the shape of a CloudEvent. `id` is
 * unique and is the idempotency key; `subject` is the initiative or node id and
 * is also the message key, so one subject's events stay ordered.
 */
export const eventEnvelopeSchema = z.object({
  id: identifier,
  type: identifier,
  source: identifier,
  subject: identifier,
  time: z.iso.datetime({ offset: true }),
  schemaVersion: z.number().int().min(1),
  correlationId: identifier.optional(),
  causationId: identifier.optional(),
  data: z.unknown(),
});

/** A validated event of one type, whose `data` matches the schema of its `type`. */
export interface EventEnvelopeOf<T extends EventType> {
  id: string;
  type: T;
  source: string;
  subject: string;
  time: string;
  schemaVersion: number;
  correlationId?: string;
  causationId?: string;
  data: EventData<T>;
}

/** A validated event; without a type argument, a union that narrows on `type`. */
export type EventEnvelope<T extends EventType = EventType> = { [K in T]: EventEnvelopeOf<K> }[T];

/** Either a valid event or the reason it is not one, fit for a dead-letter header. */
export type EventParseResult = { ok: true; event: EventEnvelope } | { ok: false; reason: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates an envelope already parsed from JSON, and its data against the event map. */
export function validateEvent(value: unknown): EventParseResult {
  const unstorable = findUnstorableText(value);
  if (unstorable) return { ok: false, reason: `unstorable text: ${unstorable.path} ${unstorable.problem}` };
  const envelope = eventEnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  }
  const { type, schemaVersion } = envelope.data;
  if (!isEventType(type)) {
    return { ok: false, reason: `unknown event type '${type}'` };
  }
  if (schemaVersion > SCHEMA_VERSION) {
    return { ok: false, reason: `unsupported schemaVersion ${schemaVersion} for '${type}' (at most ${SCHEMA_VERSION})` };
  }
  const data = EVENT_DATA_SCHEMAS[type].safeParse(envelope.data.data);
  if (!data.success) {
    return { ok: false, reason: `invalid data for '${type}': ${describeIssues(data.error)}` };
  }
  return { ok: true, event: { ...envelope.data, type, data: data.data } as EventEnvelope };
}

/** Parses the bytes of a Kafka message value into a validated event. */
export function parseEvent(value: Buffer | string | null | undefined): EventParseResult {
  if (value === null || value === undefined || value.length === 0) {
    return { ok: false, reason: 'empty message value' };
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `value is not JSON: ${(error as Error).message}` };
  }
  return validateEvent(json);
}

/** What a producer supplies; the id and time come from the caller so that this stays deterministic. */
export interface NewEvent<T extends EventType> {
  type: T;
  source: string;
  subject: string;
  data: EventData<T>;
  correlationId?: string;
  causationId?: string;
}

/** Builds an envelope for a new event, validating its data against the event map. */
export function createEnvelope<T extends EventType>(event: NewEvent<T>, id: string, time: Date): EventEnvelope<T> {
  const data = EVENT_DATA_SCHEMAS[event.type].parse(event.data) as EventData<T>;
  return {
    id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: time.toISOString(),
    schemaVersion: SCHEMA_VERSION,
    ...(event.correlationId ? { correlationId: event.correlationId } : {}),
    ...(event.causationId ? { causationId: event.causationId } : {}),
    data,
  };
}
