import type { SopCycleListView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/sop-cycles?orgNodeId=`: the cycles of a node, newest period first. */
export function getSopCycles(nodeId: string): Promise<SopCycleListView> {
  return call<SopCycleListView>('plans', `/api/sop-cycles?orgNodeId=${encodeURIComponent(nodeId)}`);
}

export function useSopCycles(nodeId: string) {
  return useQuery({ queryKey: ['sop', 'cycles', nodeId], queryFn: () => getSopCycles(nodeId) });
}
