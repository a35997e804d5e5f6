import { ApiProperty, type OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

// Where @nestjs/swagger keeps each property's schema (its DECORATORS.API_MODEL_PROPERTIES).
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

interface Rule {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
  target: unknown;
}

type Schema = Record<string, unknown>;

/** The schema facts one validation rule states about the value it checks. */
function factsOf(rule: Rule): Schema {
  const [first] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString':
      return { type: 'string' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isNumber':
      return { type: 'number' };
    // A whole number beyond 2^53 − 1 is refused (422): no double holds it exactly.
    case 'isInt':
      return { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'matches':
    case 'isPeriod':
      return first instanceof RegExp ? { pattern: first.source } : {};
    case 'isIn':
      return { enum: first };
    case 'isUUID':
      return { type: 'string', format: 'uuid' };
    default:
      return {};
  }
}

/** Facts about a list itself rather than its items. */
function listFactsOf(rule: Rule): Schema {
  const [first] = rule.constraints ?? [];
  if (rule.name === 'arrayMaxSize') return { maxItems: first };
  if (rule.name === 'arrayMinSize') return { minItems: first };
  if (rule.name === 'isArray') return { type: 'array' };
  return {};
}

/** What the rules of one property say: its own schema, and that of its items. */
function propertySchema(rules: Rule[]): { own: Schema; items: Schema; required?: boolean } {
  const own: Schema = {};
  const items: Schema = {};
  let required: boolean | undefined;
  for (const rule of rules) {
    if (rule.type === 'conditionalValidation' && rule.name === 'isOptional') required = false;
    if (rule.type === 'isDefined') required = true;
    Object.assign(own, listFactsOf(rule));
    Object.assign(rule.each ? items : own, factsOf(rule));
  }
  return { own, items, required };
}

/**
 * Writes what the class-validator rules of every DTO say (types, lengths,
 * patterns, ranges, enums, list sizes, optional or required) into the
 * OpenAPI metadata of its properties, so that the documents state the very
 * rules the ValidationPipe applies, from one source. What an @ApiProperty
 * states itself (descriptions, examples, explicit types) is kept.
 */
export function documentValidationRules(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    const byProperty = new Map<string, Rule[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [property, propertyRules] of byProperty) {
      const { own, items, required } = propertySchema(propertyRules);
      const stated = (Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, property) ?? {}) as Schema;
      const merged: Schema = { ...own, ...(required === undefined ? {} : { required }), ...stated };
      // A Number the rules say is whole is an integer in the document.
      if (own.type === 'integer' && (stated.type === Number || stated.type === 'number')) merged.type = 'integer';
      // The tighter of a stated and a derived bound: @Min/@Max win over the safe range of an integer.
      for (const bound of ['minimum', 'maximum'] as const) {
        const rule = propertyRules.find((candidate) => candidate.name === (bound === 'minimum' ? 'min' : 'max') && !candidate.each);
        if (rule && stated[bound] === undefined) merged[bound] = rule.constraints?.[0];
      }
      if (Object.keys(items).length > 0) merged.items = { ...items, ...((stated.items as Schema | undefined) ?? {}) };
      ApiProperty(merged)(target.prototype, property);
    }
  }
}

/**
 * Marks the schema of every validated DTO closed (`additionalProperties:
 * false`): the ValidationPipe refuses a property no rule names (400).
 */
export function closeValidatedSchemas(document: OpenAPIObject): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Rule[]> };
  const validated = new Set([...storage.validationMetadatas.keys()].filter((target) => typeof target === 'function').map((target) => (target as { name: string }).name));
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (validated.has(name) && !('$ref' in schema)) schema.additionalProperties = false;
  }
}
