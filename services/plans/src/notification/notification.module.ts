import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller';
import { NotificationDelivery } from './notification-delivery.service';
import { NoticeRecorder } from './notice-recorder';
import { NotificationProjection } from './notification-projection.service';
import { NotificationService } from './notification.service';

@Module({
  controllers: [NotificationController],
  providers: [NotificationService, NoticeRecorder, NotificationProjection, NotificationDelivery],
  // The services that announce the plans service's own events record their notices with it.
  exports: [NoticeRecorder],
})
export class NotificationModule {}
