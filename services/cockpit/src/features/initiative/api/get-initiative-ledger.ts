import type { InitiativeLedgerView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/initiatives/:id/ledger` (finance): planned, forecast and confirmed value per month. */
export function getInitiativeLedger(initiativeId: string): Promise<InitiativeLedgerView> {
  return call<InitiativeLedgerView>('finance', `/api/initiatives/${initiativeId}/ledger`);
}

export function useInitiativeLedger(initiativeId: string) {
  return useQuery({ queryKey: ['ledger', initiativeId], queryFn: () => getInitiativeLedger(initiativeId) });
}
