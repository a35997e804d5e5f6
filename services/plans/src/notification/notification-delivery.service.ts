import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { digestDue, NOTICE_DELIVERY_ATTEMPTS, nextAttemptAt, type NoticeKind } from '@tollgate/domain';
import { PollingLoop } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { Counter, Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { randomUUID } from 'node:crypto';
import { digestMailOf, mailOf } from './mail-message';
import { NotificationRecord } from './notification.entity';
import { ChatWebhook } from './chat-webhook.entity';
import { NotificationSetting } from './notification-setting.entity';

/** The files a notification's mail carries, from what it is about. */
export type NoticeAttachments = (about: string) => Promise<{ filename: string; content: Buffer }[]>;

/** Mails sent per round: each holds its row locked until its outcome is recorded, so a round stays short. */
const BATCH_SIZE = 10;

/** A webhook's answer that is not a success, with its status. */
class ChatRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A refusal that trying again will not mend: an SMTP 5xx (no such mailbox,
 * refused), a webhook's 4xx other than 408 and 429 (gone, malformed, not
 * allowed), a webhook that was removed.
 */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  if (typeof code === 'number') return code >= 500 && code < 600;
  if (error instanceof ChatRefusal) return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
  return false;
}

function transportOf(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A mail server that does not answer holds a row and a connection: bounded.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/**
 * Sends what is due by mail, at least once: rows are claimed with
 * SKIP LOCKED (several instances share the work), each outcome recorded in
 * the same transaction. A failure is tried again with back-off; a permanent
 * refusal, or the last attempt, dead-letters it with the reason. What was
 * sent keeps its receipt: the address, the time, the server's message id and
 * answer.
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationDelivery.name);
  private readonly loop: PollingLoop;
  private readonly transport: Transporter | null;
  private readonly outcomes: Counter<'channel' | 'outcome'>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
    registry: Registry,
  ) {
    this.transport = config.notifications.smtpUrl ? transportOf(config.notifications.smtpUrl) : null;
    this.outcomes = new Counter({ name: 'tollgate_notifications_total', help: 'Notifications by channel and outcome (sent, retried, dead)', labelNames: ['channel', 'outcome'], registers: [registry] });
    this.loop = new PollingLoop(() => this.deliverOnce(), {
      batchSize: BATCH_SIZE,
      pollIntervalMs: config.notifications.pollMs,
      onError: (error) => this.logger.warn(`sending notifications: ${error.message}`),
    });
  }

  onApplicationBootstrap(): void {
    if (this.transport) this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    this.transport?.close();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /** What a kind's mail carries beside its text, rendered when it is sent (a cycle's paper as a PDF). */
  private readonly attachments = new Map<NoticeKind, NoticeAttachments>();

  /**
   * Whoever renders a kind's attachments registers here, so that this service
   * needs to know nothing of what it sends: a failed rendering is retried like
   * a failed send.
   */
  attachWith(kind: NoticeKind, render: NoticeAttachments): void {
    this.attachments.set(kind, render);
  }

  /** When the people whose digest may be due are looked for next. */
  private nextDigestCheck = 0;

  /** Sends one round of what is due, and the digests that are due when it is time to look; returns how many mails it settled or put off. */
  async deliverOnce(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
    const settled = await this.sendImmediate(transport);
    if (Date.now() >= this.nextDigestCheck) {
      this.nextDigestCheck = Date.now() + this.config.notifications.digestCheckMs;
      await this.sendDigests(transport);
    }
    return settled;
  }

  private sendImmediate(transport: Transporter): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(NotificationRecord, 'notification')
        .where(`notification.status = 'pending'`)
        .andWhere(`notification.delivery = 'immediate'`)
        .andWhere('notification.next_attempt_at <= now()')
        .orderBy('notification.next_attempt_at')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const notification of due) await this.send(manager, transport, notification);
      return due.length;
    });
  }

  /**
   * Each person with notices waiting for the digest whose hour has come in
   * their time zone gets one mail of them all; their setting row is locked
   * while it goes (SKIP LOCKED: another instance passes over them), and the
   * local day is recorded so that the day gets one digest.
   */
  async sendDigests(transport: Transporter, now = Date.now()): Promise<number> {
    const people = (await this.dataSource.query(
      `SELECT DISTINCT recipient_id FROM plans.notification WHERE status = 'pending' AND delivery = 'digest' ORDER BY recipient_id LIMIT 500`,
    )) as { recipient_id: string }[];
    let sent = 0;
    for (const { recipient_id: personId } of people) {
      const done = await this.dataSource.transaction(async (manager) => {
        const setting = await manager
          .createQueryBuilder(NotificationSetting, 'setting')
          .where('setting.person_id = :personId', { personId })
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getOne();
        if (!setting || !setting.email) return false;
        const { due, day } = digestDue(setting, now);
        if (!due) return false;
        const items = await manager.find(NotificationRecord, { where: { recipientId: personId, status: 'pending', delivery: 'digest' }, order: { createdAt: 'ASC' }, take: 200 });
        if (items.length === 0) return false;
        const digestId = randomUUID();
        const { cockpitUrl, mailFrom } = this.config.notifications;
        try {
          const info = await transport.sendMail(digestMailOf(items, day, cockpitUrl, mailFrom, setting.email, digestId));
          const receipt = { messageId: String(info.messageId ?? '').slice(0, 400) || null, serverResponse: String(info.response ?? '').slice(0, 400) || null };
          await manager.update(NotificationRecord, items.map((item) => item.id), { status: 'sent', sentAt: new Date(), address: setting.email, attempts: () => 'attempts + 1', lastError: null, ...receipt });
          await manager.update(NotificationSetting, { personId }, { lastDigestOn: day });
          this.outcomes.inc({ channel: 'email', outcome: 'sent' }, items.length);
          return true;
        } catch (error) {
          // Tried again at the next look, after the first retry's wait; the notices stay pending.
          this.nextDigestCheck = Math.max(this.nextDigestCheck, Date.now() + this.config.notifications.firstRetryMs);
          await manager.update(NotificationRecord, items.map((item) => item.id), { attempts: () => 'attempts + 1', lastError: (error as Error).message.slice(0, 2000) });
          this.outcomes.inc({ channel: 'email', outcome: 'retried' }, items.length);
          return false;
        }
      });
      if (done) sent += 1;
    }
    return sent;
  }

  private async send(manager: EntityManager, transport: Transporter, notification: NotificationRecord): Promise<void> {
    const { cockpitUrl, mailFrom } = this.config.notifications;
    const attempts = notification.attempts + 1;
    try {
      const receipt =
        notification.channel === 'email'
          ? await transport
              .sendMail({ ...mailOf(notification, cockpitUrl, mailFrom, notification.address!), attachments: await this.attachments.get(notification.kind)?.(notification.about) })
              .then((info) => ({ messageId: info.messageId, response: info.response }))
          : await this.postToChat(manager, notification);
      await manager.update(NotificationRecord, { id: notification.id }, {
        status: 'sent',
        attempts,
        sentAt: new Date(),
        messageId: String(receipt.messageId ?? '').slice(0, 400) || null,
        serverResponse: String(receipt.response ?? '').slice(0, 400) || null,
        lastError: null,
      });
      this.outcomes.inc({ channel: notification.channel, outcome: 'sent' });
    } catch (error) {
      const reason = (error as Error).message.slice(0, 2000);
      const dead = isPermanent(error) || attempts >= NOTICE_DELIVERY_ATTEMPTS;
      await manager.update(NotificationRecord, { id: notification.id }, {
        status: dead ? 'dead' : 'pending',
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(nextAttemptAt(Date.now(), attempts, this.config.notifications.firstRetryMs)),
      });
      this.outcomes.inc({ channel: notification.channel, outcome: dead ? 'dead' : 'retried' });
      if (dead) this.logger.warn(`notification ${notification.id} to ${notification.recipientId} dead-lettered after ${attempts} attempts: ${reason}`);
    }
  }

  /** Posts a chat notification's message to its webhook; the answer's status and start are its receipt. */
  private async postToChat(manager: EntityManager, notification: NotificationRecord): Promise<{ messageId: string | null; response: string }> {
    const webhook = await manager.findOneBy(ChatWebhook, { id: notification.recipientId });
    if (!webhook) throw new ChatRefusal(410, 'the chat webhook was removed');
    const answer = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notification.payload),
      // A webhook that does not answer holds a row: bounded like the mail server.
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    const text = (await answer.text()).slice(0, 200);
    if (!answer.ok) throw new ChatRefusal(answer.status, `the webhook answered ${answer.status}: ${text}`);
    return { messageId: answer.headers.get('x-request-id') ?? answer.headers.get('request-id'), response: `${answer.status} ${text}`.trim() };
  }
}
