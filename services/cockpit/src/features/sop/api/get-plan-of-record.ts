import type { PlanView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/org-nodes/:id/plan`: the node's plan of record (404 without one). */
export function getPlanOfRecord(nodeId: string): Promise<PlanView> {
  return call<PlanView>('plans', `/api/org-nodes/${nodeId}/plan`);
}

/** The plan of record, not asked again when the node has none. */
export function usePlanOfRecord(nodeId: string) {
  return useQuery({ queryKey: ['plan', nodeId], queryFn: () => getPlanOfRecord(nodeId), retry: false });
}
