import type { ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/org-nodes/:id/value-forecast-accuracy?by=owner`: how well each owner's value forecasts proved against confirmed value. */
export function getValueForecastAccuracy(nodeId: string): Promise<ValueForecastAccuracyView> {
  return call<ValueForecastAccuracyView>('plans', `/api/org-nodes/${encodeURIComponent(nodeId)}/value-forecast-accuracy?by=owner`);
}

export function useValueForecastAccuracy(nodeId: string) {
  return useQuery({ queryKey: ['value-forecast-accuracy', nodeId], queryFn: () => getValueForecastAccuracy(nodeId) });
}
