import type { PortfolioInitiativesView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';
import { nodeQuery } from './node-query';

/** How many initiatives the page lists at the most: the count says how many there are. */
const LIMIT = 200;

/** `GET /api/portfolio/initiatives`: what a node's figures are made of, of one stage (`null`: all), the largest planned value first. */
export function getPortfolioInitiatives(nodeId: string, currency: string, stage: string | null): Promise<PortfolioInitiativesView> {
  return call<PortfolioInitiativesView>('plans', `/api/portfolio/initiatives?${nodeQuery(nodeId, currency)}&limit=${LIMIT}${stage !== null ? `&stage=${stage}` : ''}`);
}

export function usePortfolioInitiatives(nodeId: string, currency: string, stage: string | null) {
  return useQuery({ queryKey: ['portfolio-initiatives', nodeId, currency, stage], queryFn: () => getPortfolioInitiatives(nodeId, currency, stage) });
}
