/**
 * The node the query parameter `node` (such as `$1`) names and every node
 * under it, as a common table expression `subtree(id, kind)` that a query
 * starts with. Written once: every report and list "under a node" means the
 * same nodes.
 */
export function subtreeOf(node: string): string {
  return `WITH RECURSIVE subtree AS (
    SELECT id, kind FROM plans.org_node WHERE id = ${node}
    UNION ALL
    SELECT child.id, child.kind FROM plans.org_node child JOIN subtree ON child.parent_id = subtree.id
  )`;
}

/**
 * A condition that `column` names a program of the subtree. An array of the
 * programs rather than a join: the planner cannot estimate a recursive CTE's
 * rows (it guesses one program), and on a large portfolio that guess picked a
 * nested loop and a sort spilled to disk.
 */
export function programInSubtree(column: string): string {
  return `${column} = ANY(ARRAY(SELECT id::text FROM subtree WHERE kind = 'program'))`;
}

/** The same nodes' ids as a subquery, for `column IN (...)`. */
export function idsInSubtreeOf(node: string): string {
  return `(${subtreeOf(node)} SELECT id FROM subtree)`;
}
