import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import type { NotificationSettingsView, NotificationView } from '@tollgate/contracts/views';
import { DEFAULT_NOTICE_DELIVERY, NOTICE_KINDS, deliveryOf } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import type { NotificationSettingsDto, NotificationsQuery } from './dtos/notification-settings.dto';
import { NotificationRecord } from './notification.entity';
import { NotificationSetting } from './notification-setting.entity';

const DEFAULTS = { email: null, name: null, roles: [], deliveries: {}, digestHour: 8, timeZone: 'UTC', lastDigestOn: null };

/** A person's settings and the notifications sent to them, or about one thing. */
@Injectable()
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  async settingsOf(principal: Principal): Promise<NotificationSettingsView> {
    const saved = await this.dataSource.manager.findOneBy(NotificationSetting, { personId: principal.sub });
    return this.view(principal, saved);
  }

  /**
   * Saves what the person changed. The address the identity provider gave is
   * the default; the roles are recorded so that a PMO user is found to hold
   * the PMO key of a gate.
   */
  async saveSettings(principal: Principal, dto: NotificationSettingsDto): Promise<NotificationSettingsView> {
    const saved = await this.dataSource.manager.findOneBy(NotificationSetting, { personId: principal.sub });
    const current = saved ?? { ...DEFAULTS, email: principal.email ?? null };
    // The day of the last digest is the delivery's to write: left out here, a save cannot undo a digest sent meanwhile.
    const next: Omit<NotificationSetting, 'lastDigestOn'> = {
      personId: principal.sub,
      email: dto.email === undefined ? current.email : dto.email,
      name: principal.name ?? current.name,
      roles: [...principal.roles],
      deliveries: { ...current.deliveries, ...(dto.deliveries ?? {}) },
      digestHour: dto.digestHour ?? current.digestHour,
      timeZone: dto.timeZone ?? current.timeZone,
      updatedAt: new Date(),
    };
    await this.dataSource.manager.upsert(NotificationSetting, next, ['personId']);
    return this.view(principal, next);
  }

  /** The person's own notifications, newest first, with their receipts. */
  async mine(principal: Principal, query: NotificationsQuery): Promise<{ notifications: NotificationView[] }> {
    return { notifications: await this.list({ recipientId: principal.sub, ...(query.about ? { about: query.about } : {}), ...(query.status ? { status: query.status } : {}) }, query.limit, true) };
  }

  /** Who was told about an initiative, action or decision, how and when: what its page shows beside its audit trail. The addresses stay private. */
  async about(about: string, query: NotificationsQuery): Promise<{ notifications: NotificationView[] }> {
    return { notifications: await this.list({ about, ...(query.status ? { status: query.status } : {}) }, query.limit, false) };
  }

  private async list(where: Partial<Record<'recipientId' | 'about' | 'status', string>>, limit: number, withAddress: boolean): Promise<NotificationView[]> {
    const rows = await this.dataSource.manager.find(NotificationRecord, { where: where as never, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
    return rows.map((row) => ({
      id: row.id,
      eventType: row.eventType,
      occasion: row.occasion,
      recipientId: row.recipientId,
      channel: row.channel,
      kind: row.kind,
      about: row.about,
      title: row.title,
      happened: row.happened,
      asked: row.asked,
      dueBy: row.dueBy,
      link: row.link,
      delivery: row.delivery,
      status: row.status,
      attempts: row.attempts,
      // A server's refusal may quote the address: only the person's own list gives it; Tollgate's own reasons for not sending are for everyone.
      lastError: withAddress || row.status === 'unsent' ? row.lastError : null,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      address: withAddress ? row.address : null,
      messageId: withAddress ? row.messageId : null,
    }));
  }

  private view(principal: Principal, saved: Pick<NotificationSetting, 'email' | 'deliveries' | 'digestHour' | 'timeZone'> | null): NotificationSettingsView {
    const settings = saved ?? { ...DEFAULTS, email: principal.email ?? null };
    return {
      personId: principal.sub,
      email: settings.email,
      saved: saved !== null,
      digestHour: settings.digestHour,
      timeZone: settings.timeZone,
      kinds: NOTICE_KINDS.map((kind) => ({ kind, delivery: deliveryOf(kind, settings.deliveries), defaultDelivery: DEFAULT_NOTICE_DELIVERY[kind] })),
    };
  }
}
