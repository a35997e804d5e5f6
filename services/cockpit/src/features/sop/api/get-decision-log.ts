import type { DecisionLogView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** Which decisions to list: under one node, of one kind, by what became of what they expected. */
export interface DecisionLogFilter {
  orgNodeId: string;
  kind?: string;
  outcome?: 'met' | 'missed' | 'pending';
}

/** `GET /api/sop-decisions`: the decision log across cycles, newest first, with the share met per node. */
export function getDecisionLog(filter: DecisionLogFilter): Promise<DecisionLogView> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  return call<DecisionLogView>('plans', `/api/sop-decisions?${query}`);
}

export function useDecisionLog(filter: DecisionLogFilter) {
  return useQuery({ queryKey: ['sop-actions', 'decision-log', filter], queryFn: () => getDecisionLog(filter) });
}
