import type { SopCycleView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/sop-cycles/:cycleId`: a cycle's steps, escalations and decisions. */
export function getSopCycle(cycleId: string): Promise<SopCycleView> {
  return call<SopCycleView>('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}`);
}

/** The cycle shown; nothing is read while there is none. */
export function useSopCycle(cycleId: string | null) {
  return useQuery({ queryKey: ['sop', cycleId, 'cycle'], queryFn: () => getSopCycle(cycleId!), enabled: cycleId !== null });
}
