import { useEffect } from 'react';
import { call } from '../../../lib/api/client';

/**
 * On each sign-in the person's settings are saved as they stand: the roles
 * and the address the sign-in vouches for reach the notifications (a PMO user
 * is told of gates awaiting the PMO key) before they ever open the page.
 */
export function useKnownToNotifications(sub: string): void {
  useEffect(() => {
    void call('plans', '/api/me/notification-settings', { method: 'PUT', body: {} }).catch(() => undefined);
  }, [sub]);
}
