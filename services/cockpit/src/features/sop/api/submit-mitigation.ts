import { call } from '../../../lib/api/client';
import { useCycleCommand } from './cycle-command';

/** What a mitigation says: the action, who carries it out, by when. */
export interface MitigationInput {
  action: string;
  ownerId: string;
  dueDate: string;
}

/** `POST /api/sop-cycles/:cycleId/exceptions/:exceptionId/mitigation`. */
export function submitMitigation(cycleId: string, exceptionId: string, mitigation: MitigationInput): Promise<unknown> {
  return call('plans', `/api/sop-cycles/${encodeURIComponent(cycleId)}/exceptions/${exceptionId}/mitigation`, { method: 'POST', body: mitigation });
}

export function useSubmitMitigation(cycleId: string, exceptionId: string) {
  return useCycleCommand(cycleId, (mitigation: MitigationInput) => submitMitigation(cycleId, exceptionId, mitigation));
}
