import type { SopActionView } from '@tollgate/contracts/views';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** How an action is closed: done with evidence by its owner, or dropped with a reason by its chair. */
export type ActionClosing = { action: 'complete'; evidence: { text: string; links: string[] } } | { action: 'drop'; reason: string };

/** `POST /api/sop-actions/:id/completion` or `/drop`, once however often it is clicked (the Idempotency-Key). */
export function closeSopAction(actionId: string, closing: ActionClosing, key: string): Promise<SopActionView> {
  const path = `/api/sop-actions/${encodeURIComponent(actionId)}/${closing.action === 'complete' ? 'completion' : 'drop'}`;
  const body = closing.action === 'complete' ? { evidence: closing.evidence } : { reason: closing.reason };
  return call<SopActionView>('plans', path, { method: 'POST', body, key });
}

/** Closes the action, then reads every list of actions, the off-plan lists and the work queue again. */
export function useCloseSopAction(actionId: string, onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ closing, key }: { closing: ActionClosing; key: string }) => closeSopAction(actionId, closing, key),
    onSuccess: async () => {
      onDone();
      await Promise.all([client.invalidateQueries({ queryKey: ['sop-actions'] }), client.invalidateQueries({ queryKey: ['off-plan'] })]);
    },
  });
}
