import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** The side moves: hold, resume and cancel (the sponsor's), rollback (a PMO's). */
export type SideMove = 'hold' | 'resume' | 'cancel' | 'rollback';

/** `POST /api/initiatives/:id/hold`, `/resume`, `/cancel` or `/rollback`, each with its reason. */
export function moveInitiativeAside(initiativeId: string, move: SideMove, reason: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/${move}`, { method: 'POST', body: { reason } });
}

export function useMoveInitiativeAside(initiativeId: string, move: SideMove, onDone: () => void) {
  return useMutation({ mutationFn: (reason: string) => moveInitiativeAside(initiativeId, move, reason), onSuccess: onDone });
}
