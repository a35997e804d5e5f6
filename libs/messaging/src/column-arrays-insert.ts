import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
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

/**
 * Inserts rows of an entity with one statement of one array parameter per
 * column (`INSERT … SELECT FROM unnest(…)`), in their order: the statement
 * and its parameters stay the same size whatever the number of rows, where
 * TypeORM's multi-row insert builds and escapes a parameter per value, which
 * costs more than the database's work at a few hundred rows. Every row gives
 * the same columns; the others take their defaults.
 */
export async function insertAsColumnArrays<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: readonly Partial<E>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const given = (row: Partial<E>) => metadata.columns.filter((column) => column.getEntityValue(row) !== undefined);
  const columns = given(rows[0]);
  const names = columns.map((column) => column.propertyName).join(',');
  if (rows.some((row) => given(row).map((column) => column.propertyName).join(',') !== names)) {
    throw new Error(`insertAsColumnArrays(${metadata.name}): every row must give the same columns (${names})`);
  }
  const types = columns.map((column) => {
    const type = manager.connection.driver.normalizeType(column);
    if (column.isArray || !SUPPORTED.has(type)) throw new Error(`insertAsColumnArrays(${metadata.name}): column ${column.propertyName} of type ${type} is not supported`);
    return type;
  });
  const arrays = types.map((type, index) => `$${index + 1}::${AS_TEXT.has(type) ? 'text' : type}[]`).join(', ');
  const values = types.map((type, index) => (CAST_PER_ELEMENT.has(type) ? `c${index}::${type}` : `c${index}`)).join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  await manager.query(
    // WITH ORDINALITY and ORDER BY: a generated sequence numbers the rows in the order given.
    `INSERT INTO ${metadata.tablePath} (${columns.map((column) => `"${column.databaseName}"`).join(', ')}) SELECT ${values} FROM unnest(${arrays}) WITH ORDINALITY AS given(${aliases}, position) ORDER BY position`,
    columns.map((column, index) => rows.map((row) => databaseValue(column, types[index], column.getEntityValue(row)))),
  );
}
