import type { MattersArisingView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/sop-cycles/:cycleId/matters-arising`: earlier cycles' decisions with their actions, and the actions still open. */
export function getMattersArising(cycleId: string): Promise<MattersArisingView> {
  return call<MattersArisingView>('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/matters-arising`);
}

export function useMattersArising(cycleId: string | null) {
  return useQuery({ queryKey: ['sop-actions', 'matters-arising', cycleId], queryFn: () => getMattersArising(cycleId!), enabled: cycleId !== null });
}
