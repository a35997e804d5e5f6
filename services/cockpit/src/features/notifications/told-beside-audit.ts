import type { AuditEntryView, NotificationView } from '@tollgate/contracts/views';
import { occasionOfAuditEntry } from '@tollgate/domain';

/**
 * Who was told of each change of the audit trail: each notification beside
 * the entry of the change it told of (the domain's occasion, the same key
 * from the event and from the entry). Keyed by the entry's revision; a key
 * that several entries yield (a closure asked for twice) goes to the latest
 * entry recorded before the notification, or, where the engine's clock and
 * the notifier's disagree and none was, to the first: a receipt is never lost.
 */
export function toldBesideAudit(audit: readonly Pick<AuditEntryView, 'revision' | 'action' | 'at' | 'details'>[], told: readonly NotificationView[]): Map<number, NotificationView[]> {
  const beside = new Map<number, NotificationView[]>();
  const entries = audit.map((entry) => ({ entry, occasion: occasionOfAuditEntry(entry.action, entry.details as Record<string, unknown>) }));
  for (const notification of told) {
    if (!notification.occasion) continue;
    const same = entries.filter((candidate) => candidate.occasion === notification.occasion).map((candidate) => candidate.entry);
    if (same.length === 0) continue;
    const before = same.filter((candidate) => candidate.at <= notification.createdAt);
    const entry = before.length > 0 ? before.reduce((latest, candidate) => (candidate.revision > latest.revision ? candidate : latest)) : same.reduce((first, candidate) => (candidate.revision < first.revision ? candidate : first));
    beside.set(entry.revision, [...(beside.get(entry.revision) ?? []), notification]);
  }
  return beside;
}
