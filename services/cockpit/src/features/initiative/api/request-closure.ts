import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/initiatives/:id/closure`: the owner asks for closure at stage 4; it waits for finance's confirmation. */
export function requestClosure(initiativeId: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/closure`, { method: 'POST', body: {} });
}

export function useRequestClosure(initiativeId: string, onDone: () => void) {
  return useMutation({ mutationFn: () => requestClosure(initiativeId), onSuccess: onDone });
}
