import type { InitiativePageView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** Whose initiatives, or in which program, or at which closure state: one filter at a time, as the pages ask. */
type InitiativeFilter = { programId: string } | { ownerId: string } | { closure: 'pending_confirmation' };

/** `GET /api/initiatives`: the first 200 initiatives the filter matches, each with its last gate. */
export function getInitiatives(filter: InitiativeFilter): Promise<InitiativePageView> {
  const [[name, value]] = Object.entries(filter);
  return call<InitiativePageView>('initiatives', `/api/initiatives?${name}=${encodeURIComponent(value)}&pageSize=200`);
}

/** The initiatives of a program, read only when the node is one. */
export function useProgramInitiatives(programId: string, enabled: boolean) {
  return useQuery({ queryKey: ['initiatives', programId], queryFn: () => getInitiatives({ programId }), enabled });
}

/** The initiatives a person owns. */
export function useOwnedInitiatives(ownerId: string, enabled: boolean) {
  return useQuery({ queryKey: ['work', 'owned', ownerId], queryFn: () => getInitiatives({ ownerId }), enabled });
}

/** The initiatives whose closure awaits finance's confirmation, for a controller (`sub`). */
export function usePendingClosures(sub: string, enabled: boolean) {
  return useQuery({ queryKey: ['work', 'closures', sub], queryFn: () => getInitiatives({ closure: 'pending_confirmation' }), enabled });
}
