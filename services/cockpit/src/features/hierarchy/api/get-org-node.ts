import type { OrgNodeWithChildrenView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/org-nodes/:id`: a node with the nodes right below it. */
export function getOrgNode(nodeId: string): Promise<OrgNodeWithChildrenView> {
  return call<OrgNodeWithChildrenView>('plans', `/api/org-nodes/${nodeId}`);
}

/** A node of the hierarchy; `enabled: false` leaves it unread (a closed branch of the rail). */
export function useOrgNode(nodeId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['org-node', nodeId], queryFn: () => getOrgNode(nodeId), enabled });
}
