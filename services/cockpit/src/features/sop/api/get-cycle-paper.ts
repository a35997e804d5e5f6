import type { SopCyclePaperView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call, download } from '../../../lib/api/client';

export type PaperRoute = 'pre-read' | 'minutes';

/** `GET /api/sop-cycles/:cycleId/pre-read` or `/minutes`: a cycle's paper. */
export function getCyclePaper(cycleId: string, paper: PaperRoute): Promise<SopCyclePaperView> {
  return call('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/${paper}`);
}

export function useCyclePaper(cycleId: string, paper: PaperRoute) {
  return useQuery({ queryKey: ['sop', 'paper', cycleId, paper], queryFn: () => getCyclePaper(cycleId, paper), retry: false });
}

/** `GET /api/sop-cycles/:cycleId/<paper>/pdf`, as a download. */
export function downloadCyclePaper(cycleId: string, paper: PaperRoute): Promise<void> {
  return download('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/${paper}/pdf`, `${paper}-${cycleId}.pdf`);
}
