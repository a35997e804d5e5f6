import type { AwaitedGatesView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/work/gate-requests`: the pending gate requests that await the caller's key. */
export function getAwaitedGates(): Promise<AwaitedGatesView> {
  return call<AwaitedGatesView>('initiatives', '/api/work/gate-requests');
}

/** The gate requests awaiting `sub`'s key. */
export function useAwaitedGates(sub: string) {
  return useQuery({ queryKey: ['work', 'gates', sub], queryFn: getAwaitedGates });
}
