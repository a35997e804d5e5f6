import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/initiatives/:id/milestones/:milestoneId/complete`: the owner completes a milestone with what was delivered. */
export function completeMilestone(initiativeId: string, milestoneId: string | null, evidence: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/milestones/${milestoneId}/complete`, { method: 'POST', body: { evidence: { text: evidence, links: [] } } });
}

export function useCompleteMilestone(initiativeId: string, onDone: () => void) {
  return useMutation({ mutationFn: ({ milestoneId, evidence }: { milestoneId: string | null; evidence: string }) => completeMilestone(initiativeId, milestoneId, evidence), onSuccess: onDone });
}
