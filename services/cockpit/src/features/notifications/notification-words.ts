import type { NotificationView } from '@tollgate/contracts/views';
import { NOTICE_KIND_WORDS, type NoticeDelivery } from '@tollgate/domain';
import { formatInstant } from '../../lib/format/instant';

export const DELIVERY_WORDS: Record<NoticeDelivery, string> = { immediate: 'At once', digest: 'Daily digest', off: 'Off' };

export function kindWords(kind: string): string {
  return (NOTICE_KIND_WORDS as Record<string, string>)[kind] ?? kind;
}

/** A receipt in a line: sent when, where; waiting for the digest; retrying; given up, and why. */
export function receiptWords(notification: Pick<NotificationView, 'status' | 'channel' | 'sentAt' | 'delivery' | 'attempts' | 'lastError'>): string {
  const channel = notification.channel === 'email' ? 'email' : notification.channel;
  switch (notification.status) {
    case 'sent':
      return `by ${channel} at ${formatInstant(notification.sentAt)}`;
    case 'pending':
      return notification.delivery === 'digest' ? 'in the next daily digest' : notification.attempts > 0 ? `by ${channel}: retrying after ${notification.attempts} failed ${notification.attempts === 1 ? 'attempt' : 'attempts'} (${notification.lastError ?? 'no answer'})` : `by ${channel}: being sent`;
    case 'dead':
      return `not told: ${channel} failed after ${notification.attempts} ${notification.attempts === 1 ? 'attempt' : 'attempts'} (${notification.lastError ?? 'no reason given'})`;
    case 'unsent':
      return `not told: ${notification.lastError ?? 'no channel reaches them'}`;
  }
}
