import type { PortfolioSummaryView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** `GET /api/portfolio/summary`: count and value per stage under the node, and their total. */
export function getPortfolioSummary(nodeId: string, currency: string): Promise<PortfolioSummaryView> {
  return call<PortfolioSummaryView>('plans', `/api/portfolio/summary?${nodeQuery(nodeId, currency)}`);
}

export function usePortfolioSummary(nodeId: string, currency: string) {
  return useQuery({ queryKey: ['summary', nodeId, currency], queryFn: () => getPortfolioSummary(nodeId, currency) });
}
