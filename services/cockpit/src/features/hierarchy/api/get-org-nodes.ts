import type { OrgNodeListView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/org-nodes`: the organizations; with `q`, the nodes whose name holds it, each with the names above it. */
export function getOrgNodes(q?: string): Promise<OrgNodeListView> {
  return call<OrgNodeListView>('plans', q === undefined ? '/api/org-nodes' : `/api/org-nodes?q=${encodeURIComponent(q)}`);
}

/** The organizations, the top of the hierarchy. */
export function useOrganizations() {
  return useQuery({ queryKey: ['org-nodes', 'roots'], queryFn: () => getOrgNodes() });
}

/** The nodes named like `q`; nothing is asked while it is empty. */
export function useOrgNodeSearch(q: string) {
  return useQuery({ queryKey: ['org-nodes', 'search', q], queryFn: () => getOrgNodes(q), enabled: q.length > 0 });
}
