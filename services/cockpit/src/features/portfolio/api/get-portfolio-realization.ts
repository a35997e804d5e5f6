import type { PortfolioRealizationView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** `GET /api/portfolio/realization`: benefit realization and leakage under the node. */
export function getPortfolioRealization(nodeId: string, currency: string): Promise<PortfolioRealizationView> {
  return call<PortfolioRealizationView>('plans', `/api/portfolio/realization?${nodeQuery(nodeId, currency)}`);
}

export function usePortfolioRealization(nodeId: string, currency: string) {
  return useQuery({ queryKey: ['realization', nodeId, currency], queryFn: () => getPortfolioRealization(nodeId, currency) });
}
