import type { ChatFormat, NoticeDelivery, NoticeKind } from '@tollgate/domain';

/** `GET /api/me/notification-settings`: where the person's mail goes and how each kind reaches them. */
export interface NotificationSettingsView {
  personId: string;
  email: string | null;
  /** False until the person (or the identity provider's address) has been saved once. */
  saved: boolean;
  digestHour: number;
  timeZone: string;
  kinds: { kind: NoticeKind; delivery: NoticeDelivery; defaultDelivery: NoticeDelivery }[];
}

/** One notification and its receipt: `GET /api/me/notifications` (with the address) and `GET /api/notifications?about=` (without). */
export interface NotificationView {
  id: string;
  eventType: string;
  /** The change it told of, as the audit trail's entry of that change names it (`occasionOfAuditEntry`). */
  occasion: string | null;
  recipientId: string;
  channel: string;
  kind: NoticeKind;
  about: string;
  title: string;
  happened: string;
  asked: string | null;
  dueBy: string | null;
  link: string;
  delivery: 'immediate' | 'digest';
  /** pending (to be sent, or in the next digest), sent, dead (given up, `lastError` says why) or unsent (no address or no mail server). */
  status: 'pending' | 'sent' | 'dead' | 'unsent';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  address: string | null;
  messageId: string | null;
}

/** A node's chat channel, its address shown by origin only (the rest is its secret). */
export interface ChatWebhookView {
  id: string;
  orgNodeId: string;
  name: string;
  format: ChatFormat;
  origin: string;
  createdBy: string;
  createdAt: string;
}
