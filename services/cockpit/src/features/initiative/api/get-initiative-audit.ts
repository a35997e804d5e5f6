import type { AuditEntryView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/initiatives/:id/audit`: every change of the initiative, oldest first. */
export function getInitiativeAudit(initiativeId: string): Promise<AuditEntryView[]> {
  return call<AuditEntryView[]>('initiatives', `/api/initiatives/${initiativeId}/audit`);
}

export function useInitiativeAudit(initiativeId: string) {
  return useQuery({ queryKey: ['audit', initiativeId], queryFn: () => getInitiativeAudit(initiativeId) });
}
