import { Module } from '@nestjs/common';
import { OrgNodeController } from './org-node.controller';
import { OrgNodeService } from './org-node.service';

@Module({ controllers: [OrgNodeController], providers: [OrgNodeService], exports: [OrgNodeService] })
export class OrgNodeModule {}
