import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';

/** The node and its ancestors, nearest first; empty for an unknown node. */
export async function nodeLineage(manager: EntityManager, nodeId: string): Promise<string[]> {
  if (!isUUID(nodeId)) return [];
  const rows = (await manager.query(
    `WITH RECURSIVE lineage AS (
       SELECT id, parent_id, 0 AS depth FROM plans.org_node WHERE id = $1
       UNION ALL
       SELECT parent.id, parent.parent_id, lineage.depth + 1 FROM plans.org_node parent JOIN lineage ON parent.id = lineage.parent_id
     )
     SELECT id FROM lineage ORDER BY depth`,
    [nodeId],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}
