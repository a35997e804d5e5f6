import type { OffPlanView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call, download } from '../../../lib/api/client';

/** `GET /api/org-nodes/:id/off-plan`: what is off plan under the node this month, by the rule the S&OP agenda uses, the most at risk first. */
export function getOffPlan(nodeId: string): Promise<OffPlanView> {
  return call<OffPlanView>('plans', `/api/org-nodes/${encodeURIComponent(nodeId)}/off-plan`);
}

export function useOffPlan(nodeId: string) {
  return useQuery({ queryKey: ['off-plan', nodeId], queryFn: () => getOffPlan(nodeId) });
}

/** `GET /api/org-nodes/:id/off-plan/export`: the same list as a workbook, as a download. */
export function downloadOffPlan(nodeId: string, period: string): Promise<void> {
  return download('plans', `/api/org-nodes/${nodeId}/off-plan/export?period=${period}`, `off-plan-${period}.xlsx`);
}
