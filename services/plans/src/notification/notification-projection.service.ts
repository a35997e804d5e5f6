import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { projectionConsumer } from '@tollgate/contracts';
import { EventConsumers } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { NoticeRecorder } from './notice-recorder';

/**
 * The initiatives service's events, read for whom to tell: the notices are
 * recorded in the consumer's transaction, so the inbox and the unique index
 * together tell nobody twice.
 */
@Injectable()
export class NotificationProjection implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly notices: NoticeRecorder,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-plans.notifications`,
      ...projectionConsumer('plans', 'notifications'),
      apply: (event, manager) => this.notices.record(manager, event),
    });
  }
}
