import type { SopActionListView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** Which actions to list: one cycle's, one owner's or one chair's; open ones unless asked otherwise. */
export interface SopActionsFilter {
  cycleId?: string;
  ownerId?: string;
  chairId?: string;
  orgNodeId?: string;
  /** What the exception an action answers was about: an initiative, a node, a node and family. */
  subject?: string;
  status?: 'open' | 'done' | 'dropped' | 'all';
}

/** `GET /api/sop-actions`: overdue first, then by value at risk. */
export function getSopActions(filter: SopActionsFilter): Promise<SopActionListView> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return call<SopActionListView>('plans', `/api/sop-actions?${query}`);
}

/** Every list of actions is read again once one of them changes (`['sop-actions']`). */
export function useSopActions(filter: SopActionsFilter, enabled = true) {
  return useQuery({ queryKey: ['sop-actions', filter], queryFn: () => getSopActions(filter), enabled });
}
