import type { SopCycleView } from '@tollgate/contracts/views';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/sop-cycles`: starts the node's cycle for a period, or answers the one already there. */
export function startSopCycle(nodeId: string, period: string): Promise<SopCycleView> {
  return call<SopCycleView>('plans', '/api/sop-cycles', { method: 'POST', body: { orgNodeId: nodeId, period } });
}

/** Starts this month's cycle, then reads the node's cycles again and hands the new one on. */
export function useStartSopCycle(nodeId: string, period: string, onStarted: (cycleId: string) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => startSopCycle(nodeId, period),
    onSuccess: async (cycle) => {
      await client.invalidateQueries({ queryKey: ['sop', 'cycles', nodeId] });
      onStarted(cycle.id);
    },
  });
}
