import type { InitiativeView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/initiatives/:id`: one initiative with its gates, milestones and value. */
export function getInitiative(initiativeId: string): Promise<InitiativeView> {
  return call<InitiativeView>('initiatives', `/api/initiatives/${initiativeId}`);
}

export function useInitiative(initiativeId: string) {
  return useQuery({ queryKey: ['initiative', initiativeId], queryFn: () => getInitiative(initiativeId) });
}
