import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { effectiveSopPolicy, type EffectiveSopPolicy, type SopPolicy } from '@tollgate/domain';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { OrgNodeError } from '../org-node/org-node.error';
import { nodeLineage } from '../org-node/node-lineage';
import type { SopPolicyDto } from './dtos/sop-policy.dto';
import { NodeSopPolicy } from './sop-policy.entity';

function policyOf(row: NodeSopPolicy): SopPolicy {
  return {
    ownerId: row.ownerId,
    valueThreshold: { absolute: row.valueThresholdAbsolute, percent: row.valueThresholdPercent },
    volumeThreshold: { absolute: row.volumeThresholdAbsolute, percent: row.volumeThresholdPercent },
    pivotCapacity: row.pivotBudget === null || row.pivotFte === null ? null : { budget: row.pivotBudget, fte: row.pivotFte },
  };
}

/** Each node's S&OP policy: its own, else its nearest ancestor's, else the settings. */
@Injectable()
export class SopPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  /** The policy that applies to the node and where it comes from (`inheritedFrom`: a node id or 'settings'); 404 for an unknown node. */
  effectivePolicy(nodeId: string): Promise<EffectiveSopPolicy> {
    return this.effectiveIn(this.dataSource.manager, nodeId);
  }

  /** Replaces the node's own policy as a whole; 201 when the node had none of its own. */
  async write(principal: Principal, nodeId: string, dto: SopPolicyDto): Promise<{ created: boolean; body: EffectiveSopPolicy }> {
    return this.dataSource.transaction(async (manager) => {
      const lineage = await nodeLineage(manager, nodeId);
      if (lineage.length === 0) throw OrgNodeError.unknown(nodeId);
      const created = !(await manager.existsBy(NodeSopPolicy, { orgNodeId: nodeId }));
      await manager.upsert(
        NodeSopPolicy,
        {
          orgNodeId: nodeId,
          ownerId: dto.ownerId ?? null,
          valueThresholdAbsolute: dto.valueThreshold.absolute,
          valueThresholdPercent: dto.valueThreshold.percent,
          volumeThresholdAbsolute: dto.volumeThreshold.absolute,
          volumeThresholdPercent: dto.volumeThreshold.percent,
          pivotBudget: dto.pivotCapacity?.budget ?? null,
          pivotFte: dto.pivotCapacity?.fte ?? null,
          updatedBy: principal.sub,
          updatedAt: new Date(),
        },
        ['orgNodeId'],
      );
      return { created, body: await this.effectiveIn(manager, nodeId) };
    });
  }

  private async effectiveIn(manager: EntityManager, nodeId: string): Promise<EffectiveSopPolicy> {
    const lineage = await nodeLineage(manager, nodeId);
    if (lineage.length === 0) throw OrgNodeError.unknown(nodeId);
    const rows = await manager.findBy(NodeSopPolicy, { orgNodeId: In(lineage) });
    const policies = new Map(rows.map((row) => [row.orgNodeId, policyOf(row)]));
    return effectiveSopPolicy(
      nodeId,
      lineage.map((id) => ({ nodeId: id, policy: policies.get(id) ?? null })),
      this.config.sop.defaultPolicy,
    );
  }
}
