import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/closure-rejections` (finance): a controller turns a pending closure down with the reason the owner reads. */
export function rejectClosure(rejectionId: string, initiativeId: string, reason: string): Promise<unknown> {
  return call('finance', '/api/closure-rejections', { method: 'POST', body: { rejectionId, initiativeId, reason } });
}

export function useRejectClosure(onDone: () => void) {
  return useMutation({ mutationFn: ({ rejectionId, initiativeId, reason }: { rejectionId: string; initiativeId: string; reason: string }) => rejectClosure(rejectionId, initiativeId, reason), onSuccess: onDone });
}
