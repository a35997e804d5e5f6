import type { NotificationSettingsView } from '@tollgate/contracts/views';
import type { NoticeDelivery, NoticeKind } from '@tollgate/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

export interface NotificationSettingsChange {
  email?: string | null;
  deliveries?: Partial<Record<NoticeKind, NoticeDelivery>>;
  digestHour?: number;
  timeZone?: string;
}

/** `GET /api/me/notification-settings`. */
export function getNotificationSettings(): Promise<NotificationSettingsView> {
  return call('plans', '/api/me/notification-settings');
}

/** `PUT /api/me/notification-settings`: only what changed; the rest stays. */
export function saveNotificationSettings(change: NotificationSettingsChange): Promise<NotificationSettingsView> {
  return call('plans', '/api/me/notification-settings', { method: 'PUT', body: change });
}

export function useNotificationSettings(sub: string) {
  return useQuery({ queryKey: ['notifications', 'settings', sub], queryFn: getNotificationSettings });
}

export function useSaveNotificationSettings(sub: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => queries.setQueryData(['notifications', 'settings', sub], saved),
  });
}
