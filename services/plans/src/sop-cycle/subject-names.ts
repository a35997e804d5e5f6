import type { DataSource } from 'typeorm';

/**
 * The names people know S&OP subjects by: org nodes from the hierarchy,
 * initiatives from the portfolio read model, both this service's own tables.
 */
export async function subjectNames(dataSource: DataSource, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await dataSource.query(
    `SELECT id::text AS id, name FROM plans.org_node WHERE id::text = ANY($1)
     UNION ALL
     SELECT initiative_id AS id, title AS name FROM plans.portfolio_initiative WHERE initiative_id = ANY($1)`,
    [[...new Set(ids)]],
  )) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}
