import type { InitiativeConfirmationsView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/initiatives/:id/confirmations` (finance): the confirmations under the initiative's confirmed value. */
export function getInitiativeConfirmations(initiativeId: string): Promise<InitiativeConfirmationsView> {
  return call<InitiativeConfirmationsView>('finance', `/api/initiatives/${initiativeId}/confirmations`);
}

export function useInitiativeConfirmations(initiativeId: string) {
  return useQuery({ queryKey: ['confirmations', initiativeId], queryFn: () => getInitiativeConfirmations(initiativeId) });
}
