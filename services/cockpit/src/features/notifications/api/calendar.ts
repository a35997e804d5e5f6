import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

export interface CalendarAddress {
  url: string;
  nodeUrl: string;
  createdAt: string;
}

/** `GET /api/me/calendar`: whether the person has a calendar address. */
export function useCalendarStatus(sub: string) {
  return useQuery({ queryKey: ['notifications', 'calendar', sub], queryFn: () => call<{ active: boolean; createdAt: string | null }>('plans', '/api/me/calendar') });
}

/** `POST /api/me/calendar`: a new address (shown once); the one before stops working. */
export function useIssueCalendar(sub: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call<CalendarAddress>('plans', '/api/me/calendar', { method: 'POST', body: {} }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['notifications', 'calendar', sub] }),
  });
}

/** `DELETE /api/me/calendar`. */
export function useRevokeCalendar(sub: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call<void>('plans', '/api/me/calendar', { method: 'DELETE' }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ['notifications', 'calendar', sub] }),
  });
}
