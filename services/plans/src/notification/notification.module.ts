import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { ChatWebhookController } from './chat-webhook.controller';
import { ChatWebhookService } from './chat-webhook.service';
import { NotificationController } from './notification.controller';
import { NotificationDelivery } from './notification-delivery.service';
import { NoticeRecorder } from './notice-recorder';
import { NotificationProjection } from './notification-projection.service';
import { NotificationService } from './notification.service';

@Module({
  controllers: [NotificationController, ChatWebhookController, CalendarController],
  providers: [NotificationService, ChatWebhookService, CalendarService, NoticeRecorder, NotificationProjection, NotificationDelivery],
  // The services that announce the plans service's own events record their notices with it.
  exports: [NoticeRecorder, NotificationDelivery],
})
export class NotificationModule {}
