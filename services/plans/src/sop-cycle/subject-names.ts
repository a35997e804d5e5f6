import type { DataSource } from 'typeorm';

/**
 * The names people know S&OP subjects by: org nodes from the hierarchy,
 * initiatives from the portfolio read model, actions by their titles, all
 * this service's own tables.
 */
export async function subjectNames(dataSource: Pick<DataSource, 'query'>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await dataSource.query(
    `SELECT id::text AS id, name FROM plans.org_node WHERE id::text = ANY($1)
     UNION ALL
     SELECT initiative_id AS id, title AS name FROM plans.portfolio_initiative WHERE initiative_id = ANY($1)
     UNION ALL
     SELECT id::text AS id, title AS name FROM plans.sop_action WHERE id::text = ANY($1)`,
    [[...new Set(ids)]],
  )) as { id: string; name: string }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The node or initiative an S&OP subject is about: a family's subject is `node/family`. */
export function subjectId(subject: string): string {
  return subject.split('/')[0];
}

/** What a person calls an exception's subject: the node, the family of a node (`node/family`), the initiative or the action. */
export function subjectName(subject: string, names: ReadonlyMap<string, string>): string | null {
  const slash = subject.indexOf('/');
  if (slash < 0) return names.get(subject) ?? null;
  const node = names.get(subject.slice(0, slash));
  return node ? `${subject.slice(slash + 1)} at ${node}` : subject.slice(slash + 1);
}
