import type { PortfolioValuesView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** `GET /api/portfolio/values?by=stage`: value per month from `from` to `to`, each month split by stage. */
export function getPortfolioValues(nodeId: string, currency: string, from: string, to: string): Promise<PortfolioValuesView> {
  return call<PortfolioValuesView>('plans', `/api/portfolio/values?${nodeQuery(nodeId, currency)}&from=${from}&to=${to}&by=stage`);
}

export function usePortfolioValues(nodeId: string, currency: string, from: string, to: string) {
  return useQuery({ queryKey: ['values', nodeId, currency, from], queryFn: () => getPortfolioValues(nodeId, currency, from, to) });
}
