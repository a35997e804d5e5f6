import type { OrgNodeKind } from '@tollgate/domain';

/** A node of the hierarchy as the plans service answers it (`/api/org-nodes`). */
export interface OrgNodeView {
  id: string;
  name: string;
  kind: OrgNodeKind;
  parentId: string | null;
  createdBy: string;
  createdAt: string;
}

/** `GET /api/org-nodes/:id`: the node with the nodes right below it. */
export interface OrgNodeWithChildrenView extends OrgNodeView {
  children: OrgNodeView[];
}

/** `GET /api/org-nodes`: the organizations, the nodes of a kind, or those found by name, each with the names above it, top first. */
export interface OrgNodeListView {
  items: Array<OrgNodeView & { path: string[] }>;
}
