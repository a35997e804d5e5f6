import { call } from '../../../lib/api/client';
import { useCycleCommand } from './cycle-command';

/** `POST /api/sop-cycles/:cycleId/steps/:step/completion`: the current step completed, with a note for the record when there is one. */
export function completeSopStep(cycleId: string, step: string, note: string): Promise<unknown> {
  return call('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/steps/${step}/completion`, { method: 'POST', body: note.trim() ? { note } : {} });
}

export function useCompleteSopStep(cycleId: string, onDone: () => void) {
  return useCycleCommand(cycleId, ({ step, note }: { step: string; note: string }) => completeSopStep(cycleId, step, note), onDone);
}
