import { call } from '../../../lib/api/client';
import { useCycleCommand } from './cycle-command';

/** A decision of the chair: its kind, what it is about (null for a free resolution), and why. */
export interface SopDecisionInput {
  kind: string;
  subject: string | null;
  rationale: string;
}

/** `POST /api/sop-cycles/:cycleId/decisions`. */
export function recordSopDecision(cycleId: string, decision: SopDecisionInput): Promise<unknown> {
  return call('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/decisions`, { method: 'POST', body: decision });
}

export function useRecordSopDecision(cycleId: string, onDone: () => void) {
  return useCycleCommand(cycleId, (decision: SopDecisionInput) => recordSopDecision(cycleId, decision), onDone);
}
