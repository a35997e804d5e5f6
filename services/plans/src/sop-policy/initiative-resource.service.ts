import { BadRequestException, Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { DataSource, In } from 'typeorm';
import type { ResourcesDto } from './dtos/sop-policy.dto';
import { InitiativeResource } from './initiative-resource.entity';
import { SopPolicyError } from './sop-policy.error';

const MAX_ID_LENGTH = 200;

function resourceView(resource: InitiativeResource) {
  return { initiativeId: resource.initiativeId, budget: resource.budget, fte: resource.fte, updatedBy: resource.updatedBy, updatedAt: resource.updatedAt.toISOString() };
}

/**
 * What each initiative needs to go on (budget and FTE), kept by initiative id
 * as given: the initiative may not have reached the portfolio's projection yet.
 */
@Injectable()
export class InitiativeResourceService {
  constructor(private readonly dataSource: DataSource) {}

  /** The budget and FTE of each initiative that has them recorded; initiatives without are absent from the map. */
  async resourcesOf(initiativeIds: string[]): Promise<Map<string, { budget: number; fte: number }>> {
    if (initiativeIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(InitiativeResource).findBy({ initiativeId: In(initiativeIds) });
    return new Map(rows.map((row) => [row.initiativeId, { budget: row.budget, fte: row.fte }]));
  }

  async write(principal: Principal, initiativeId: string, dto: ResourcesDto): Promise<{ created: boolean; body: ReturnType<typeof resourceView> }> {
    if (initiativeId.length > MAX_ID_LENGTH) throw new BadRequestException(`initiativeId must be at most ${MAX_ID_LENGTH} characters`);
    return this.dataSource.transaction(async (manager) => {
      const created = !(await manager.existsBy(InitiativeResource, { initiativeId }));
      const resource = manager.create(InitiativeResource, { initiativeId, budget: dto.budget, fte: dto.fte, updatedBy: principal.sub, updatedAt: new Date() });
      await manager.upsert(InitiativeResource, resource, ['initiativeId']);
      return { created, body: resourceView(resource) };
    });
  }

  async show(initiativeId: string) {
    const resource = initiativeId.length <= MAX_ID_LENGTH ? await this.dataSource.getRepository(InitiativeResource).findOneBy({ initiativeId }) : null;
    if (!resource) throw SopPolicyError.unknownInitiativeResource(initiativeId);
    return resourceView(resource);
  }
}
