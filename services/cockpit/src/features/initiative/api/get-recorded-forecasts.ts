import type { InitiativeForecastRecordView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/portfolio/initiatives/:id/recorded-forecasts` (plans): its forecasts as the reviews recorded them, beside confirmed value. */
export function getRecordedForecasts(initiativeId: string): Promise<InitiativeForecastRecordView> {
  return call<InitiativeForecastRecordView>('plans', `/api/portfolio/initiatives/${encodeURIComponent(initiativeId)}/recorded-forecasts`);
}

export function useRecordedForecasts(initiativeId: string) {
  return useQuery({ queryKey: ['initiative', initiativeId, 'recorded-forecasts'], queryFn: () => getRecordedForecasts(initiativeId) });
}
