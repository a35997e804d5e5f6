import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/initiatives/:id/gate-requests/:requestId/decision`: a key holder approves or rejects, with a comment. */
export function decideGate(initiativeId: string, requestId: string, approve: boolean, comment: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/gate-requests/${requestId}/decision`, { method: 'POST', body: { approve, comment } });
}

export function useDecideGate(initiativeId: string, requestId: string, onDone: () => void) {
  return useMutation({ mutationFn: ({ approve, comment }: { approve: boolean; comment: string }) => decideGate(initiativeId, requestId, approve, comment), onSuccess: onDone });
}
