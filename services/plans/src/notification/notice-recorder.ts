import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tollgate/contracts';
import { chatNoticeOf, chatPayload, deliveryOf, NOTICE_EVENT_TYPES, noticesOf, occasionOfEvent, tooOldToTell, type Notice, type NoticeEvent } from '@tollgate/domain';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PlansConfig } from '../config/plans.config';
import { ChatWebhook } from './chat-webhook.entity';
import { CalendarMilestone } from './calendar.entity';
import { NoticeInitiative } from './notice-initiative.entity';
import { NotificationDelivery } from './notification-delivery.service';
import { NotificationRecord } from './notification.entity';
import { NotificationSetting } from './notification-setting.entity';
import { subjectId, subjectName, subjectNames } from '../sop-cycle/subject-names';

/**
 * Turns an announced event into notifications: the domain's `noticesOf` says
 * who is told what; each person's settings say whether now, in the digest or
 * not at all. A row per event, person and channel. The initiatives' events
 * come through Kafka; the plans service's own are recorded by whoever
 * announces them, in the same transaction.
 */
@Injectable()
export class NoticeRecorder {
  constructor(
    private readonly delivery: NotificationDelivery,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  async record(manager: EntityManager, event: EventEnvelope): Promise<void> {
    await this.keepInitiative(event, manager);
    // Most of an initiative's events only keep its parties and dates: nothing to read for them.
    if (!NOTICE_EVENT_TYPES.includes(event.type as NoticeEvent['type']) || tooOldToTell(event.time, Date.now())) return;
    const notices = noticesOf(event as NoticeEvent, await this.contextOf(event, manager));
    if (notices.length === 0) return;
    const settings = new Map((await manager.find(NotificationSetting, { where: { personId: In(notices.map((notice) => notice.recipientId)) } })).map((setting) => [setting.personId, setting]));
    const now = new Date();
    const rows = notices.flatMap((notice) => {
      const setting = settings.get(notice.recipientId);
      const delivery = deliveryOf(notice.kind, setting?.deliveries ?? {});
      if (delivery === 'off') return [];
      return [this.row(event, notice, delivery, setting?.email ?? null, now)];
    });
    rows.push(...(await this.chatRows(manager, event, notices, now)));
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(NotificationRecord).values(rows as QueryDeepPartialEntity<NotificationRecord>[]).orIgnore().execute();
    this.delivery.nudge();
  }

  /**
   * One message for each chat channel of the node the event happened under
   * (the program of an initiative, the node of an action or decision) or of
   * any node above it, whoever the notices went to and whatever they chose.
   */
  private async chatRows(manager: EntityManager, event: EventEnvelope, notices: readonly Notice[], now: Date): Promise<Partial<NotificationRecord>[]> {
    const { programId, orgNodeId } = event.data as { programId?: string; orgNodeId?: string };
    const told = chatNoticeOf(notices, this.config.notifications.cockpitUrl);
    const nodeId = programId ?? orgNodeId ?? '';
    if (!told || !isUUID(nodeId)) return [];
    // The channels of the node and of every node above it, in one statement: most events find none.
    const webhooks = (await manager.query(
      `WITH RECURSIVE lineage AS (
         SELECT id, parent_id FROM plans.org_node WHERE id = $1
         UNION ALL
         SELECT parent.id, parent.parent_id FROM plans.org_node parent JOIN lineage ON parent.id = lineage.parent_id
       )
       SELECT webhook.id, webhook.format FROM plans.chat_webhook webhook JOIN lineage ON webhook.org_node_id = lineage.id
       ORDER BY webhook.created_at LIMIT 20`,
      [nodeId],
    )) as Pick<ChatWebhook, 'id' | 'format'>[];
    if (webhooks.length === 0) return [];
    const [first] = notices;
    return webhooks.map((webhook) => ({
      ...this.row(event, first, 'immediate', null, now),
      recipientId: webhook.id,
      channel: webhook.format,
      status: 'pending' as const,
      lastError: null,
      payload: chatPayload(webhook.format, told),
    }));
  }

  private row(event: EventEnvelope, notice: Notice, delivery: 'immediate' | 'digest', email: string | null, now: Date): Partial<NotificationRecord> {
    // Nobody to send to: recorded as not sent, with why, so that the page about it says so.
    const unreachable = email === null ? `no mail address for ${notice.recipientId}` : this.config.notifications.smtpUrl === null ? 'no mail server is configured (TOLLGATE_SMTP_URL)' : null;
    return {
      id: randomUUID(),
      eventId: event.id,
      eventType: event.type,
      occasion: occasionOfEvent(event.type, event.data as Record<string, unknown>)?.slice(0, 300) ?? null,
      recipientId: notice.recipientId,
      channel: 'email',
      kind: notice.kind,
      about: notice.about,
      title: notice.title.slice(0, 400),
      happened: notice.happened,
      asked: notice.asked,
      dueBy: notice.by,
      link: notice.link,
      valueAtStake: notice.valueAtStake,
      currency: notice.currency,
      delivery,
      status: unreachable ? 'unsent' : 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: unreachable,
      address: email,
      createdAt: now,
    };
  }

  /** The initiatives' parties and figures, from the same stream and in the same order as the events about them. */
  private async keepInitiative(event: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'initiative.created': {
        const { initiativeId, title, ownerId, sponsorId, controllerId, currency, plannedValue, milestones = [] } = event.data;
        await manager.upsert(NoticeInitiative, { initiativeId, title: title.slice(0, 200), ownerId, sponsorId, controllerId, currency, forecast: plannedValue }, ['initiativeId']);
        if (milestones.length > 0) await this.replaceOpenMilestones(manager, initiativeId, milestones, ownerId);
        return;
      }
      // The calendars follow the milestones: a date moved moves the entry, one done or given up leaves it.
      case 'initiative.milestone-replanned':
        await manager.update(CalendarMilestone, { initiativeId: event.data.initiativeId, milestoneId: event.data.milestoneId }, { dueDate: event.data.dueDate });
        return;
      case 'initiative.milestone-completed':
        await manager.update(CalendarMilestone, { initiativeId: event.data.initiativeId, milestoneId: event.data.milestoneId }, { done: true });
        return;
      case 'initiative.status-changed':
        if (event.data.status === 'cancelled' || event.data.status === 'closed') await manager.update(CalendarMilestone, { initiativeId: event.data.initiativeId }, { done: true });
        return;
      case 'initiative.plan-revised': {
        const { initiativeId, controllerId, milestones } = event.data;
        await manager.update(NoticeInitiative, { initiativeId }, { controllerId });
        // The open milestones as revised: one removed leaves the calendars, one added joins them, one moved moves.
        if (milestones) await this.replaceOpenMilestones(manager, initiativeId, milestones);
        return;
      }
      case 'initiative.stage-changed':
      case 'initiative.forecast-updated':
        await manager.update(NoticeInitiative, { initiativeId: event.data.initiativeId }, { forecast: event.data.forecastValue });
        return;
    }
  }

  private async replaceOpenMilestones(manager: EntityManager, initiativeId: string, milestones: readonly { milestoneId: string; title: string; dueDate: string }[], ownerId?: string): Promise<void> {
    const owner = ownerId ?? (await manager.findOneBy(NoticeInitiative, { initiativeId }))?.ownerId;
    if (!owner) return;
    await manager.delete(CalendarMilestone, { initiativeId, done: false });
    if (milestones.length === 0) return;
    await manager.upsert(
      CalendarMilestone,
      milestones.map((milestone) => ({ initiativeId, milestoneId: milestone.milestoneId, title: milestone.title.slice(0, 200), dueDate: milestone.dueDate, ownerId: owner, done: false })),
      ['initiativeId', 'milestoneId'],
    );
  }

  /** What an escalated exception is about: the escalation names the exception, not its subject. */
  private async exceptionSubject(manager: EntityManager, exceptionId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT subject FROM plans.sop_exception WHERE id::text = $1`, [exceptionId])) as { subject: string }[];
    return rows[0]?.subject ?? null;
  }

  private async contextOf(event: EventEnvelope, manager: EntityManager) {
    const initiativeId = (event.data as { initiativeId?: string }).initiativeId;
    const decisionId = event.type === 'plans.decision-checked' ? event.data.decisionId : null;
    // One transaction, one connection: the reads go one after the other.
    const initiative = initiativeId ? await manager.findOneBy(NoticeInitiative, { initiativeId }) : null;
    const pmo = (await manager.query(`SELECT person_id FROM plans.notification_setting WHERE 'pmo' = ANY(roles) ORDER BY person_id LIMIT 50`)) as { person_id: string }[];
    const decision = decisionId ? ((await manager.query(`SELECT decided_by FROM plans.sop_decision WHERE id::text = $1`, [decisionId])) as { decided_by: string }[]) : [];
    // An exception's subject by its name: an owner may owe several mitigations of one kind in a review.
    const exceptionSubject =
      event.type === 'plans.exception-raised'
        ? event.data.subject
        : event.type === 'plans.cycle-escalated' && event.data.kind === 'mitigation_missing'
          ? await this.exceptionSubject(manager, event.data.subject)
          : null;
    return {
      initiative: initiative && { ...initiative, confirmed: 0 },
      pmoIds: pmo.map((row) => row.person_id),
      gateDecisionWithinMs: this.config.portfolio.gateDecisionWithinMs,
      decidedBy: decision[0]?.decided_by ?? null,
      subjectName: exceptionSubject ? subjectName(exceptionSubject, await subjectNames(manager, [subjectId(exceptionSubject)])) : null,
    };
  }
}
