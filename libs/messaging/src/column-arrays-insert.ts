import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

// An array parameter of these is sent as text and cast per element: node-pg has no array form of them,
// and a `char[]` cast would mean PostgreSQL's one-byte "char".
const CAST_PER_ELEMENT = new Set(['jsonb', 'json']);
const AS_TEXT = new Set(['char', 'character', 'varchar', 'character varying', 'text', 'jsonb', 'json']);

function elementType(column: ColumnMetadata): string {
  const type = typeof column.type === 'string' ? column.type : column.type === Number ? 'integer' : column.type === Boolean ? 'boolean' : column.type === Date ? 'timestamptz' : 'text';
  return AS_TEXT.has(type) ? 'text' : type;
}

function databaseValue(column: ColumnMetadata, value: unknown): unknown {
  const transformed = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
  if (transformed === null || transformed === undefined) return null;
  return typeof column.type === 'string' && CAST_PER_ELEMENT.has(column.type) ? JSON.stringify(transformed) : transformed;
}

/**
 * Inserts rows of an entity with one statement of one array parameter per
 * column (`INSERT … SELECT FROM unnest(…)`), in their order: the statement
 * and its parameters stay the same size whatever the number of rows, where
 * TypeORM's multi-row insert builds and escapes a parameter per value, which
 * costs more than the database's work at a few hundred rows. The columns are
 * those the first row gives; the others take their defaults.
 */
export async function insertAsColumnArrays<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, rows: readonly Partial<E>[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => column.getEntityValue(rows[0]) !== undefined);
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${elementType(column)}[]`).join(', ');
  const values = columns
    .map((column, index) => (typeof column.type === 'string' && CAST_PER_ELEMENT.has(column.type) ? `c${index}::${column.type}` : `c${index}`))
    .join(', ');
  const aliases = columns.map((_, index) => `c${index}`).join(', ');
  await manager.query(
    // WITH ORDINALITY and ORDER BY: a generated sequence numbers the rows in the order given.
    `INSERT INTO ${metadata.tablePath} (${names}) SELECT ${values} FROM unnest(${arrays}) WITH ORDINALITY AS given(${aliases}, position) ORDER BY position`,
    columns.map((column) => rows.map((row) => databaseValue(column, column.getEntityValue(row)))),
  );
}
