import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { projectionConsumer, type EventEnvelope } from '@tollgate/contracts';
import { EventConsumers } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { DataSource, EntityManager } from 'typeorm';
import { KnownOrgNode } from './known-org-node.entity';

/**
 * The programs this service knows, learned from the plans service's
 * `plans.org-node-created` events: a service never reads another's tables.
 */
@Injectable()
export class ProgramDirectory implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumers: EventConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-initiatives.org-nodes`,
      // What the AsyncAPI documents say this projection reads and applies.
      ...projectionConsumer('initiatives', 'org-nodes'),
      apply: (event, manager) => this.applyOrgNode(event, manager),
    });
  }

  async isProgram(nodeId: string): Promise<boolean> {
    return this.dataSource.getRepository(KnownOrgNode).existsBy({ nodeId, kind: 'program' });
  }

  /** The node and the nodes above it as announced so far, nearest first; empty for a node not known here. */
  async lineage(nodeId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE lineage AS (
         SELECT node_id, parent_id, 0 AS depth FROM initiatives.known_org_node WHERE node_id = $1
         UNION ALL
         SELECT parent.node_id, parent.parent_id, lineage.depth + 1 FROM initiatives.known_org_node parent JOIN lineage ON parent.node_id = lineage.parent_id
       )
       SELECT node_id FROM lineage ORDER BY depth`,
      [nodeId],
    )) as { node_id: string }[];
    return rows.map((row) => row.node_id);
  }

  private async applyOrgNode(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type !== 'plans.org-node-created') return;
    const { nodeId, name, kind, parentId } = event.data;
    await manager.createQueryBuilder().insert().into(KnownOrgNode).values({ nodeId, name, kind, parentId, eventId: event.id }).orIgnore().execute();
  }
}
