import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/initiatives/:id/gate-requests`: the owner asks for the gate to `targetStage`, with evidence. */
export function requestGate(initiativeId: string, targetStage: number, evidence: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/gate-requests`, { method: 'POST', body: { targetStage, evidence: { text: evidence, links: [] } } });
}

export function useRequestGate(initiativeId: string, onDone: () => void) {
  return useMutation({ mutationFn: ({ targetStage, evidence }: { targetStage: number; evidence: string }) => requestGate(initiativeId, targetStage, evidence), onSuccess: onDone });
}
