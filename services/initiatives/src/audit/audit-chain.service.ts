import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InitiativeError } from '../initiative/initiative.error';
import { ProjectionFreshness } from '../projection/projection-freshness';
import { verifyStoredAuditChain, type AuditChainVerification } from './audit-chain-verification';

/** Checks an initiative's audit trail for the API. */
@Injectable()
export class AuditChainService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async verification(initiativeId: string): Promise<AuditChainVerification> {
    await this.freshness.settle([initiativeId]);
    const verification = await verifyStoredAuditChain(this.dataSource, initiativeId);
    if (!verification) throw InitiativeError.unknownInitiative(initiativeId);
    return verification;
  }
}
