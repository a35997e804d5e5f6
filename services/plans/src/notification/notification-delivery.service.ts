import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { digestDue, NOTICE_DELIVERY_ATTEMPTS, nextAttemptAt, storableText, type NoticeKind } from '@tollgate/domain';
import { PollingLoop } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { randomUUID } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { Counter, Registry } from 'prom-client';
import { DataSource, In } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { ChatWebhook } from './chat-webhook.entity';
import { digestMailOf, mailOf } from './mail-message';
import { NotificationRecord } from './notification.entity';
import { NotificationSetting } from './notification-setting.entity';

/** The files a notification's mail carries, from what it is about. */
export type NoticeAttachments = (about: string) => Promise<{ filename: string; content: Buffer }[]>;

/** Notifications claimed per round. */
const BATCH_SIZE = 10;
/** How long a claimed notification is left to the instance that claimed it; one that dies meanwhile leaves it to be claimed again. */
const LEASE_MS = 2 * 60_000;
/** People whose digest is looked at per round; the next round goes on from the last. */
const DIGEST_PEOPLE = 200;
/** How much of a webhook's answer is read: enough for its receipt, never its whole body. */
const ANSWER_BYTES = 4096;

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
 * A refusal that trying again will not mend: a mail server refusing the
 * recipient (550 to 553: no such mailbox, not allowed), a webhook's 4xx other
 * than 408 and 429 (gone, malformed, not allowed), a webhook removed. A
 * refused sign-in, a TLS demand or a server away is the setup's to mend: tried
 * again, as every other failure, until the last attempt.
 */
function isPermanent(error: unknown): boolean {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (code === 'EENVELOPE' && typeof responseCode === 'number') return responseCode >= 550 && responseCode <= 553;
  if (error instanceof ChatRefusal) return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
  return false;
}

/** What a mail server or webhook answered, as a notification keeps it for its receipt. */
function receiptOf(answer: { messageId?: unknown; response?: unknown }): Pick<NotificationRecord, 'messageId' | 'serverResponse'> {
  return { messageId: storableText(String(answer.messageId ?? ''), 400) || null, serverResponse: storableText(String(answer.response ?? ''), 400) || null };
}

function transportOf(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return createTransport({
    host: url.hostname,
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A mail server that does not answer holds a notification: bounded.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** The start of an answer's body, at most `ANSWER_BYTES`: a webhook answering gigabytes costs nothing more. */
async function answerStart(answer: Response): Promise<string> {
  const reader = answer.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < ANSWER_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, 200).toString('utf8');
}

/**
 * Sends what is due, at least once: by mail, and to chat webhooks. A round
 * claims its notifications for a lease (SKIP LOCKED: several instances share
 * the work) and commits; each is then sent and its outcome recorded on its
 * own, so one that cannot be recorded takes no other with it. A failure is
 * tried again with back-off; a permanent refusal, or the last attempt,
 * dead-letters it with the reason. What was sent keeps its receipt: the
 * address, the time, the server's message id and answer.
 */
@Injectable()
export class NotificationDelivery implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationDelivery.name);
  private readonly loop: PollingLoop;
  private readonly transport: Transporter | null;
  private readonly outcomes: Counter<'channel' | 'outcome'>;
  /** What a kind's mail carries beside its text, rendered when it is sent (a cycle's paper as a PDF). */
  private readonly attachments = new Map<NoticeKind, NoticeAttachments>();
  /** When the people whose digest may be due are looked for next, and from whom. */
  private nextDigestCheck = 0;
  private digestCursor = '';

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
    // Chat channels are sent to with or without a mail server.
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    this.transport?.close();
  }

  nudge(): void {
    this.loop.nudge();
  }

  /**
   * Whoever renders a kind's attachments registers here, so that this service
   * needs to know nothing of what it sends: a failed rendering is retried like
   * a failed send.
   */
  attachWith(kind: NoticeKind, render: NoticeAttachments): void {
    this.attachments.set(kind, render);
  }

  /** Sends one round of what is due, and the digests that are due when it is time to look; returns how many it claimed. */
  async deliverOnce(): Promise<number> {
    const claimed = await this.claim();
    for (const notification of claimed) await this.send(notification);
    if (this.transport && Date.now() >= this.nextDigestCheck) {
      this.nextDigestCheck = Date.now() + this.config.notifications.digestCheckMs;
      await this.sendDigests(this.transport);
    }
    return claimed.length;
  }

  /** Claims what is due now for a lease, in one short transaction. Mail waits for a mail server; chat does not. */
  private async claim(): Promise<NotificationRecord[]> {
    const rows = (await this.dataSource.query(
      `UPDATE plans.notification SET next_attempt_at = now() + make_interval(secs => $1)
        WHERE id IN (
          SELECT id FROM plans.notification
           WHERE status = 'pending' AND delivery = 'immediate' AND next_attempt_at <= now() ${this.transport ? '' : `AND channel <> 'email'`}
           ORDER BY next_attempt_at LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [LEASE_MS / 1000, BATCH_SIZE],
    )) as [{ id: string }[], number] | { id: string }[];
    const ids = (Array.isArray(rows[0]) ? rows[0] : rows) as { id: string }[];
    return ids.length === 0 ? [] : this.dataSource.manager.findBy(NotificationRecord, { id: In(ids.map((row) => row.id)) });
  }

  private async send(notification: NotificationRecord): Promise<void> {
    const { cockpitUrl, mailFrom } = this.config.notifications;
    const attempts = notification.attempts + 1;
    try {
      const answer =
        notification.channel === 'email'
          ? await this.transport!.sendMail({ ...mailOf(notification, cockpitUrl, mailFrom, notification.address!), attachments: await this.attachments.get(notification.kind)?.(notification.about) })
          : await this.postToChat(notification);
      await this.dataSource.manager.update(NotificationRecord, { id: notification.id }, { status: 'sent', attempts, sentAt: new Date(), ...receiptOf(answer), lastError: null });
      this.outcomes.inc({ channel: notification.channel, outcome: 'sent' });
    } catch (error) {
      const reason = storableText((error as Error).message, 2000);
      const dead = isPermanent(error) || attempts >= NOTICE_DELIVERY_ATTEMPTS;
      await this.dataSource.manager.update(NotificationRecord, { id: notification.id }, {
        status: dead ? 'dead' : 'pending',
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(nextAttemptAt(Date.now(), attempts, this.config.notifications.firstRetryMs)),
      });
      this.outcomes.inc({ channel: notification.channel, outcome: dead ? 'dead' : 'retried' });
      if (dead) this.logger.warn(`notification ${notification.id} to ${notification.recipientId} dead-lettered after ${attempts} attempts: ${reason}`);
    }
  }

  /**
   * Each person with notices waiting for the digest whose hour has come in
   * their time zone gets one mail of them all; their setting row is locked
   * while it goes (SKIP LOCKED: another instance passes over them), and the
   * local day is recorded so that the day gets one digest. People are looked
   * at a page at a time, each round going on from the last, so that nobody
   * waits behind those whose hour has not come.
   */
  async sendDigests(transport: Transporter, now = Date.now()): Promise<number> {
    const people = (await this.dataSource.query(
      `SELECT DISTINCT recipient_id FROM plans.notification WHERE status = 'pending' AND delivery = 'digest' AND recipient_id > $1 ORDER BY recipient_id LIMIT $2`,
      [this.digestCursor, DIGEST_PEOPLE],
    )) as { recipient_id: string }[];
    this.digestCursor = people.length < DIGEST_PEOPLE ? '' : people[people.length - 1].recipient_id;
    let sent = 0;
    for (const { recipient_id: personId } of people) {
      if (await this.sendDigest(transport, personId, now)) sent += 1;
    }
    return sent;
  }

  private sendDigest(transport: Transporter, personId: string, now: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const setting = await manager.createQueryBuilder(NotificationSetting, 'setting').where('setting.person_id = :personId', { personId }).setLock('pessimistic_write').setOnLocked('skip_locked').getOne();
      if (!setting) return false;
      const waiting = { recipientId: personId, status: 'pending' as const, delivery: 'digest' as const };
      if (!setting.email) {
        // The address was taken away: what waited is not sent, and says why.
        await manager.update(NotificationRecord, waiting, { status: 'unsent', lastError: `no mail address for ${personId}` });
        return false;
      }
      const { due, day } = digestDue(setting, now);
      if (!due) return false;
      const items = await manager.find(NotificationRecord, { where: waiting, order: { createdAt: 'ASC' }, take: 200 });
      if (items.length === 0) return false;
      const ids = items.map((item) => item.id);
      const { cockpitUrl, mailFrom } = this.config.notifications;
      try {
        const answer = await transport.sendMail(digestMailOf(items, day, cockpitUrl, mailFrom, setting.email, randomUUID()));
        await manager.update(NotificationRecord, ids, { status: 'sent', sentAt: new Date(), address: setting.email, attempts: () => 'attempts + 1', lastError: null, ...receiptOf(answer) });
        await manager.update(NotificationSetting, { personId }, { lastDigestOn: day });
        this.outcomes.inc({ channel: 'email', outcome: 'sent' }, items.length);
        return true;
      } catch (error) {
        // Tried again at a later look, after the first retry's wait; dead-lettered as a notice is, refused for good or out of attempts.
        this.nextDigestCheck = Math.max(this.nextDigestCheck, Date.now() + this.config.notifications.firstRetryMs);
        const reason = storableText((error as Error).message, 2000);
        await manager.update(NotificationRecord, ids, { attempts: () => 'attempts + 1', lastError: reason });
        const dead = isPermanent(error) ? ids : items.filter((item) => item.attempts + 1 >= NOTICE_DELIVERY_ATTEMPTS).map((item) => item.id);
        if (dead.length > 0) await manager.update(NotificationRecord, dead, { status: 'dead' });
        this.outcomes.inc({ channel: 'email', outcome: dead.length === ids.length ? 'dead' : 'retried' }, items.length);
        return false;
      }
    });
  }

  /** Posts a chat notification's message to its webhook; the answer's status and start are its receipt. */
  private async postToChat(notification: NotificationRecord): Promise<{ messageId: string | null; response: string }> {
    const webhook = await this.dataSource.manager.findOneBy(ChatWebhook, { id: notification.recipientId });
    if (!webhook) throw new ChatRefusal(410, 'the chat webhook was removed');
    const answer = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notification.payload),
      // A webhook that does not answer holds a notification: bounded like the mail server.
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    const text = await answerStart(answer);
    if (!answer.ok) throw new ChatRefusal(answer.status, `the webhook answered ${answer.status}: ${text}`);
    return { messageId: answer.headers.get('x-request-id') ?? answer.headers.get('request-id'), response: `${answer.status} ${text}`.trim() };
  }
}
