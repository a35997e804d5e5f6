import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NOTICE_DELIVERY_ATTEMPTS, nextAttemptAt } from '@tollgate/domain';
import { PollingLoop } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { Counter, Registry } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { mailOf } from './mail-message';
import { NotificationRecord } from './notification.entity';

/** Mails sent per round: each holds its row locked until its outcome is recorded, so a round stays short. */
const BATCH_SIZE = 10;

/** An SMTP error the server says is permanent (5xx: no such mailbox, refused): trying again will not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
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

  /** Sends one round of what is due; returns how many it settled or put off. */
  async deliverOnce(): Promise<number> {
    const transport = this.transport;
    if (!transport) return 0;
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

  private async send(manager: EntityManager, transport: Transporter, notification: NotificationRecord): Promise<void> {
    const { cockpitUrl, mailFrom } = this.config.notifications;
    const attempts = notification.attempts + 1;
    try {
      const info = await transport.sendMail(mailOf(notification, cockpitUrl, mailFrom, notification.address!));
      await manager.update(NotificationRecord, { id: notification.id }, {
        status: 'sent',
        attempts,
        sentAt: new Date(),
        messageId: String(info.messageId ?? '').slice(0, 400) || null,
        serverResponse: String(info.response ?? '').slice(0, 400) || null,
        lastError: null,
      });
      this.outcomes.inc({ channel: 'email', outcome: 'sent' });
    } catch (error) {
      const reason = (error as Error).message.slice(0, 2000);
      const dead = isPermanent(error) || attempts >= NOTICE_DELIVERY_ATTEMPTS;
      await manager.update(NotificationRecord, { id: notification.id }, {
        status: dead ? 'dead' : 'pending',
        attempts,
        lastError: reason,
        nextAttemptAt: new Date(nextAttemptAt(Date.now(), attempts, this.config.notifications.firstRetryMs)),
      });
      this.outcomes.inc({ channel: 'email', outcome: dead ? 'dead' : 'retried' });
      if (dead) this.logger.warn(`notification ${notification.id} to ${notification.recipientId} dead-lettered after ${attempts} attempts: ${reason}`);
    }
  }
}
