import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `POST /api/initiatives/:id/milestones/:milestoneId/replan`: the sponsor moves a milestone's due date, with a reason. */
export function replanMilestone(initiativeId: string, milestoneId: string | null, dueDate: string, reason: string): Promise<unknown> {
  return call('initiatives', `/api/initiatives/${initiativeId}/milestones/${milestoneId}/replan`, { method: 'POST', body: { dueDate, reason } });
}

export function useReplanMilestone(initiativeId: string, onDone: () => void) {
  return useMutation({
    mutationFn: ({ milestoneId, dueDate, reason }: { milestoneId: string | null; dueDate: string; reason: string }) => replanMilestone(initiativeId, milestoneId, dueDate, reason),
    onSuccess: onDone,
  });
}
