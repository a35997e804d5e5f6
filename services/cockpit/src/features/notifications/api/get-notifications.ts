import type { NotificationView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/me/notifications`: what the person was told, newest first, with each receipt. */
export function getMyNotifications(): Promise<{ notifications: NotificationView[] }> {
  return call('plans', '/api/me/notifications?limit=100');
}

export function useMyNotifications(sub: string) {
  return useQuery({ queryKey: ['notifications', 'mine', sub], queryFn: getMyNotifications });
}

/** `GET /api/notifications?about=`: who was told about an initiative, action or decision, and how; no addresses. */
export function getNotificationsAbout(about: string): Promise<{ notifications: NotificationView[] }> {
  return call('plans', `/api/notifications?about=${encodeURIComponent(about)}&limit=200`);
}

export function useNotificationsAbout(about: string) {
  return useQuery({ queryKey: ['notifications', 'about', about], queryFn: () => getNotificationsAbout(about) });
}
