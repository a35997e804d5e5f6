import type { ForecastJudgedBy, ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call, download } from '../../../lib/api/client';

const route = (nodeId: string) => `/api/org-nodes/${encodeURIComponent(nodeId)}/value-forecast-accuracy`;

/** `GET /api/org-nodes/:id/value-forecast-accuracy?by=`: how well each owner's, program's or unit's value forecasts proved against confirmed value. */
export function getValueForecastAccuracy(nodeId: string, by: ForecastJudgedBy): Promise<ValueForecastAccuracyView> {
  return call<ValueForecastAccuracyView>('plans', `${route(nodeId)}?by=${by}`);
}

export function useValueForecastAccuracy(nodeId: string, by: ForecastJudgedBy) {
  return useQuery({ queryKey: ['value-forecast-accuracy', nodeId, by], queryFn: () => getValueForecastAccuracy(nodeId, by) });
}

/** `GET /api/org-nodes/:id/value-forecast-accuracy/export`: the same judgement as a workbook, as a download. */
export function downloadValueForecastAccuracy(nodeId: string, by: ForecastJudgedBy): Promise<void> {
  return download('plans', `${route(nodeId)}/export?by=${by}`, `forecast-accuracy-${by}.xlsx`);
}
