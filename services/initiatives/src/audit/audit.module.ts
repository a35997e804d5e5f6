import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection/projection.module';
import { AuditChainController } from './audit-chain.controller';
import { AuditChainService } from './audit-chain.service';

@Module({ imports: [ProjectionModule], controllers: [AuditChainController], providers: [AuditChainService] })
export class AuditModule {}
