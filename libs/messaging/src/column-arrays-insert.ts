import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

// Sent as text and cast per element: node-pg has no array form of JSON, and a `char[]` cast would mean
// PostgreSQL's one-byte "char". The assignment to the column still checks each value's length.
const CAST_PER_ELEMENT = new Set(['jsonb', 'json']);
const AS_TEXT = new Set(['character', 'character varying', 'text', 'jsonb', 'json']);
const SUPPORTED = new Set([...AS_TEXT, 'uuid', 'bigint', 'integer', 'smallint', 'boolean', 'numeric', 'timestamp with time zone', 'timestamp without time zone', 'date']);

function databaseValue(column: ColumnMetadata, type: string, value: unknown): unknown {
  const transformed = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
  if (transformed === null || transformed === undefined) return null;
  return CAST_PER_ELEMENT.has(type) ? JSON.stringify(transformed) : transformed;
}

/** SQL and its parameters, numbered from wherever the statement it belongs to puts them. */
export interface SqlPart {
  sql: string;
  parameters: unknown[];
}

export interface ColumnArraysOptions<E> {
  /** The number of the first parameter, for a part of a larger statement. */
  firstParameter?: number;
  /** Upsert: a row that meets one already stored on these columns replaces its other given columns. */
  conflictOn?: readonly (keyof E & string)[];
}

/**
 * The INSERT of rows of an entity with one array parameter per column
 * (`INSERT … SELECT FROM unnest(…)`), in their order: the statement and its
 * parameters stay the same size whatever the number of rows, where TypeORM's
 * multi-row insert builds and escapes a parameter per value, which costs more
 * than the database's work at a few hundred rows. Every row gives the same
 * columns; the others take their defaults.
 */
export function columnArraysInsert<E extends ObjectLiteral>(
  connection: DataSource,
  entity: EntityTarget<E>,
  rows: readonly Partial<E>[],
  options: ColumnArraysOptions<E> = {},
): SqlPart {
  const metadata = connection.getMetadata(entity);
  const given = (row: Partial<E>) => metadata.columns.filter((column) => column.getEntityValue(row) !== undefined);
  const columns = given(rows[0]);
  const names = columns.map((column) => column.propertyName).join(',');
  if (rows.some((row) => given(row).map((column) => column.propertyName).join(',') !== names)) {
    throw new Error(`insertAsColumnArrays(${metadata.name}): every row must give the same columns (${names})`);
  }
  const types = columns.map((column) => {
    const type = connection.driver.normalizeType(column);
    if (column.isArray || !SUPPORTED.has(type)) throw new Error(`insertAsColumnArrays(${metadata.name}): column ${column.propertyName} of type ${type} is not supported`);
    return type;
  });
  const first = options.firstParameter ?? 1;
  const arrays = types.map((type, index) => `$${first + index}::${AS_TEXT.has(type) ? 'text' : type}[]`).join(', ');
  const values = types.map((type, index) => (CAST_PER_ELEMENT.has(type) ? `c${index}::${type}` : `c${index}`)).join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  const quoted = (column: ColumnMetadata) => `"${column.databaseName}"`;
  const conflictColumns = (options.conflictOn ?? []).map((name) => {
    const column = metadata.findColumnWithPropertyName(name);
    if (!column) throw new Error(`insertAsColumnArrays(${metadata.name}): no column ${name}`);
    return column;
  });
  const replaced = columns.filter((column) => !conflictColumns.includes(column));
  const onConflict =
    conflictColumns.length > 0
      ? ` ON CONFLICT (${conflictColumns.map(quoted).join(', ')}) DO UPDATE SET ${replaced.map((column) => `${quoted(column)} = EXCLUDED.${quoted(column)}`).join(', ')}`
      : '';
  return {
    // WITH ORDINALITY and ORDER BY: a generated sequence numbers the rows in the order given.
    sql: `INSERT INTO ${metadata.tablePath} (${columns.map(quoted).join(', ')}) SELECT ${values} FROM unnest(${arrays}) WITH ORDINALITY AS given(${aliases}, position) ORDER BY position${onConflict}`,
    parameters: columns.map((column, index) => rows.map((row) => databaseValue(column, types[index], column.getEntityValue(row)))),
  };
}

/** Inserts rows of an entity in one statement: see {@link columnArraysInsert}. */
export async function insertAsColumnArrays<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: readonly Partial<E>[]): Promise<void> {
  if (rows.length === 0) return;
  const { sql, parameters } = columnArraysInsert(manager.connection, entity, rows);
  await manager.query(sql, parameters);
}

/**
 * Writes to several tables in one statement, in one round trip: each write
 * but the last as a data-modifying WITH query, which PostgreSQL runs all,
 * on one snapshot, atomically. `write(firstParameter)` builds each part with
 * its parameters numbered on from the parts before it.
 */
export async function writeInOneStatement(manager: EntityManager, writes: readonly ((firstParameter: number) => SqlPart)[]): Promise<void> {
  if (writes.length === 0) return;
  const parts: SqlPart[] = [];
  let next = 1;
  for (const write of writes) {
    const part = write(next);
    parts.push(part);
    next += part.parameters.length;
  }
  const last = parts[parts.length - 1];
  const sql = parts.length === 1 ? last.sql : `WITH ${parts.slice(0, -1).map((part, index) => `w${index} AS (${part.sql})`).join(', ')} ${last.sql}`;
  await manager.query(sql, parts.flatMap((part) => part.parameters));
}
