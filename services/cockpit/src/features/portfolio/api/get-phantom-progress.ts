import type { PhantomProgressView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** `GET /api/portfolio/phantom-progress`: the initiatives off plan under the node, each with its reasons. */
export function getPhantomProgress(nodeId: string, currency: string): Promise<PhantomProgressView> {
  return call<PhantomProgressView>('plans', `/api/portfolio/phantom-progress?${nodeQuery(nodeId, currency)}`);
}

export function usePhantomProgress(nodeId: string, currency: string) {
  return useQuery({ queryKey: ['phantom', nodeId, currency], queryFn: () => getPhantomProgress(nodeId, currency) });
}
