import type { SopAgendaView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/sop-cycles/:cycleId/agenda`: the exceptions with their mitigations, the escalations and the proposed pivots. */
export function getSopAgenda(cycleId: string): Promise<SopAgendaView> {
  return call<SopAgendaView>('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/agenda`);
}

/** The agenda of the cycle shown; nothing is read while there is none. */
export function useSopAgenda(cycleId: string | null) {
  return useQuery({ queryKey: ['sop', cycleId, 'agenda'], queryFn: () => getSopAgenda(cycleId!), enabled: cycleId !== null });
}
