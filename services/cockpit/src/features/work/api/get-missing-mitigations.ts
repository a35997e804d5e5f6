import type { MissingMitigationsView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/work/missing-mitigations`: the S&OP mitigations the caller owes, or that wait in a cycle they chair. */
export function getMissingMitigations(): Promise<MissingMitigationsView> {
  return call<MissingMitigationsView>('plans', '/api/work/missing-mitigations');
}

/** The S&OP mitigations missing for `sub`. */
export function useMissingMitigations(sub: string) {
  return useQuery({ queryKey: ['work', 'mitigations', sub], queryFn: getMissingMitigations });
}
