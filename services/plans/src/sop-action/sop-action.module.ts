import { Module } from '@nestjs/common';
import { NotificationModule } from '../notification/notification.module';
import { OrgNodeModule } from '../org-node/org-node.module';
import { SopActionActivitiesService } from './sop-action-activities.service';
import { SopActionProjection } from './sop-action-projection.service';
import { SopActionController } from './sop-action.controller';
import { SopActionGateway } from './sop-action.gateway';
import { SopActionService } from './sop-action.service';

// The gateway is exported: the cycle opens the actions its decisions ask for through it.
@Module({
  imports: [OrgNodeModule, NotificationModule],
  controllers: [SopActionController],
  providers: [SopActionService, SopActionGateway, SopActionProjection, SopActionActivitiesService],
  exports: [SopActionGateway, SopActionActivitiesService],
})
export class SopActionModule {}
