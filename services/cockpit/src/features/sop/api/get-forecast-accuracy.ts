import type { ForecastAccuracyView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/org-nodes/:id/forecast-accuracy`: the plan of record's demand against the actuals, per family. */
export function getForecastAccuracy(nodeId: string): Promise<ForecastAccuracyView> {
  return call<ForecastAccuracyView>('plans', `/api/org-nodes/${nodeId}/forecast-accuracy`);
}

/** The forecast accuracy, not asked again when the node has no plan of record. */
export function useForecastAccuracy(nodeId: string) {
  return useQuery({ queryKey: ['accuracy', nodeId], queryFn: () => getForecastAccuracy(nodeId), retry: false });
}
