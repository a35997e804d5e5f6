import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { useCycleCommand } from './cycle-command';

/** A decision of the chair: its kind, what it is about (null for a free resolution), and why. */
export interface SopDecisionInput {
  kind: string;
  subject: string | null;
  rationale: string;
  /** What the decision asks for, followed until done or dropped. */
  action?: { title?: string; ownerId?: string; dueDate?: string; expectedEffect?: string; doneWhen?: string } | null;
  /** The figure it expects by a day, checked by the engine on that day. */
  expects?: Record<string, unknown> | null;
}

/** `POST /api/sop-cycles/:cycleId/decisions`. */
export function recordSopDecision(cycleId: string, decision: SopDecisionInput): Promise<unknown> {
  return call('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/decisions`, { method: 'POST', body: decision });
}

export function useRecordSopDecision(cycleId: string, onDone: () => void) {
  const client = useQueryClient();
  return useCycleCommand(
    cycleId,
    async (decision: SopDecisionInput) => {
      const recorded = await recordSopDecision(cycleId, decision);
      // The actions it asks for are new rows of the lists of actions.
      await client.invalidateQueries({ queryKey: ['sop-actions'] });
      return recorded;
    },
    onDone,
  );
}
