import { Module } from '@nestjs/common';
import { ProjectionFreshnessModule } from '../initiative/projection-freshness.module';
import { AuditChainController } from './audit-chain.controller';
import { AuditChainService } from './audit-chain.service';

@Module({ imports: [ProjectionFreshnessModule], controllers: [AuditChainController], providers: [AuditChainService] })
export class AuditModule {}
