import { z } from 'zod';
import { eventEnvelopeSchema } from '../event-envelope';
import { EVENT_DATA_SCHEMAS, type EventType } from '../event-map';

/** A JSON Schema object, as zod writes it. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

// Draft-07: AsyncAPI 3's default schema format is a superset of it, so no `schemaFormat` is needed.
// Input: what a sender must write (zod strips unknown keys rather than refusing them, so objects stay open).
const JSON_SCHEMA_OPTIONS = { target: 'draft-07', io: 'input', unrepresentable: 'throw' } as const;

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

// zod writes references relative to the schema's own root (`#/definitions/...`); inside a
// larger document they must point at where the schema is placed.
function rebased(value: unknown, pointer: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rebased(item, pointer));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) =>
      key === '$ref' && typeof item === 'string' && item.startsWith('#') ? [key, `${pointer}${item.slice(1)}`] : [key, rebased(item, pointer)],
    ),
  );
}

/**
 * The JSON Schema (draft-07) of an event type's `data`, converted from its zod
 * schema, with any internal references pointing below `pointer`, the JSON
 * pointer (`#/components/schemas/<type>`) where the document places it.
 */
export function eventDataJsonSchema(type: EventType, pointer: string): JsonSchema {
  return rebased(withoutDialect(z.toJSONSchema(EVENT_DATA_SCHEMAS[type], JSON_SCHEMA_OPTIONS)), pointer) as JsonSchema;
}

/** The description a data schema carries (`.describe()` or `.meta()`), if any. */
export function eventDataDescription(type: EventType): string | undefined {
  return EVENT_DATA_SCHEMAS[type].description;
}

/**
 * The JSON Schema of an envelope of one event type: the envelope's own zod
 * schema with `type` fixed, `source` as given, and `data` a reference to the
 * data schema.
 */
export function eventEnvelopeJsonSchema(type: EventType, dataReference: string, source: JsonSchema): JsonSchema {
  const envelope = withoutDialect(z.toJSONSchema(eventEnvelopeSchema.extend({ type: z.literal(type) }), JSON_SCHEMA_OPTIONS));
  return {
    ...envelope,
    properties: {
      ...envelope.properties,
      source: { ...(envelope.properties?.source as JsonSchema), ...source },
      data: { $ref: dataReference },
    },
    required: [...new Set([...(envelope.required ?? []), 'data'])],
  };
}
