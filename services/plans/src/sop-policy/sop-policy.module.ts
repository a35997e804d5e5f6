import { Module } from '@nestjs/common';
import { InitiativeResourceController } from './initiative-resource.controller';
import { InitiativeResourceService } from './initiative-resource.service';
import { SopPolicyController } from './sop-policy.controller';
import { SopPolicyService } from './sop-policy.service';

@Module({
  controllers: [SopPolicyController, InitiativeResourceController],
  providers: [SopPolicyService, InitiativeResourceService],
  exports: [SopPolicyService, InitiativeResourceService],
})
export class SopPolicyModule {}
