import type { TargetWaterfallView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** `GET /api/portfolio/waterfall`: from the target over the months to the value at each stage and the gap. */
export function getTargetWaterfall(nodeId: string, currency: string, from: string, to: string): Promise<TargetWaterfallView> {
  return call<TargetWaterfallView>('plans', `/api/portfolio/waterfall?${nodeQuery(nodeId, currency)}&from=${from}&to=${to}`);
}

export function useTargetWaterfall(nodeId: string, currency: string, from: string, to: string) {
  return useQuery({ queryKey: ['waterfall', nodeId, currency, from], queryFn: () => getTargetWaterfall(nodeId, currency, from, to) });
}
