import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { TOPICS } from '@tollgate/contracts';
import { checkOrgNodePlacement, normalizeTitle } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import { uuidFromKey } from '@tollgate/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, ILike, In, IsNull, type FindOptionsWhere } from 'typeorm';
import type { CreateOrgNodeDto } from './dtos/create-org-node.dto';
import type { ListOrgNodesQuery } from './dtos/list-org-nodes.query';
import { OrgNode } from './org-node.entity';
import { OrgNodeError } from './org-node.error';
import type { OrgNodeListView, OrgNodeView, OrgNodeWithChildrenView } from '@tollgate/contracts/views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

function nodeView(node: OrgNode): OrgNodeView {
  return { id: node.id, name: node.name, kind: node.kind, parentId: node.parentId, createdBy: node.createdBy, createdAt: node.createdAt.toISOString() };
}

/** The one hierarchy: nodes are created with their `plans.org-node-created` event in one transaction. */
@Injectable()
export class OrgNodeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
  ) {}

  async create(principal: Principal, dto: CreateOrgNodeDto, key?: string): Promise<{ created: boolean; body: ReturnType<typeof nodeView> }> {
    const id = key ? uuidFromKey('org-node', principal.sub, key) : randomUUID();
    try {
      const result = await this.dataSource.transaction(async (manager) => {
        const existing = await manager.findOneBy(OrgNode, { id });
        if (existing) return { created: false, node: existing };
        const parentId = dto.parentId ?? null;
        const parent = parentId ? ((UUID.test(parentId) && (await manager.findOneBy(OrgNode, { id: parentId }))) || undefined) : null;
        const violation = checkOrgNodePlacement(dto.kind, parent, parentId);
        if (violation) throw OrgNodeError.misplaced(violation);
        const node = manager.create(OrgNode, {
          id,
          name: dto.name.trim(),
          nameKey: normalizeTitle(dto.name).slice(0, 200),
          kind: dto.kind,
          parentId,
          parentKey: parentId ?? '-',
          createdBy: principal.sub,
          createdAt: new Date(),
        });
        await manager.insert(OrgNode, node);
        await enqueueEvent(manager, TOPICS.plansEvents, {
          type: 'plans.org-node-created',
          source: 'tollgate/plans',
          subject: id,
          data: { nodeId: id, name: node.name, kind: node.kind, parentId },
        });
        return { created: true, node };
      });
      if (result.created) this.relay.relay.nudge();
      return { created: result.created, body: nodeView(result.node) };
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw OrgNodeError.duplicate(dto.name.trim());
      throw error;
    }
  }

  async list(query: ListOrgNodesQuery): Promise<OrgNodeListView> {
    const where: FindOptionsWhere<OrgNode> = {};
    // LIKE's own wildcards in what a person typed are taken literally.
    if (query.q) where.name = ILike(`%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    if (query.kind) where.kind = query.kind;
    if (!query.q && !query.kind) where.parentId = IsNull();
    const nodes = await this.dataSource.getRepository(OrgNode).find({ where, order: { name: 'ASC' }, take: 50 });
    const paths = await this.ancestorNames(nodes);
    return { items: nodes.map((node) => ({ ...nodeView(node), path: paths.get(node.id) ?? [] })) };
  }

  // The names above each node, top first: the hierarchy is three levels deep, so two look-ups suffice.
  private async ancestorNames(nodes: OrgNode[]): Promise<Map<string, string[]>> {
    const known = new Map(nodes.map((node) => [node.id, node]));
    for (let level = 0; level < 2; level += 1) {
      const missing = [...new Set([...known.values()].map((node) => node.parentId).filter((id): id is string => id !== null && !known.has(id)))];
      if (missing.length === 0) break;
      for (const parent of await this.dataSource.getRepository(OrgNode).findBy({ id: In(missing) })) known.set(parent.id, parent);
    }
    const paths = new Map<string, string[]>();
    for (const node of nodes) {
      const names: string[] = [];
      for (let parent = node.parentId ? known.get(node.parentId) : undefined; parent; parent = parent.parentId ? known.get(parent.parentId) : undefined) names.unshift(parent.name);
      paths.set(node.id, names);
    }
    return paths;
  }

  async get(id: string): Promise<OrgNodeWithChildrenView> {
    const node = UUID.test(id) ? await this.dataSource.getRepository(OrgNode).findOneBy({ id }) : null;
    if (!node) throw OrgNodeError.unknown(id);
    const children = await this.dataSource.getRepository(OrgNode).find({ where: { parentId: id }, order: { name: 'ASC' } });
    return { ...nodeView(node), children: children.map(nodeView) };
  }
}
