import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { PlansConfig } from '../config/plans.config';
import type { Principal } from '@tollgate/auth';
import type { ChatWebhookView } from '@tollgate/contracts/views';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { nodeLineage } from '../org-node/node-lineage';
import { OrgNodeError } from '../org-node/org-node.error';
import { ChatWebhook } from './chat-webhook.entity';
import type { ChatWebhookDto } from './dtos/chat-webhook.dto';
import { NotificationError } from './notification.error';

/** A node holds at most this many chat channels: each event posts to every one of its node and the nodes above. */
const WEBHOOKS_PER_NODE = 5;

function viewOf(webhook: ChatWebhook): ChatWebhookView {
  return { id: webhook.id, orgNodeId: webhook.orgNodeId, name: webhook.name, format: webhook.format, origin: new URL(webhook.url).origin, createdBy: webhook.createdBy, createdAt: webhook.createdAt.toISOString() };
}

/** The chat channels of a node: what happens under it is posted to each. */
@Injectable()
export class ChatWebhookService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  async list(orgNodeId: string): Promise<{ webhooks: ChatWebhookView[] }> {
    await this.known(orgNodeId);
    const webhooks = await this.dataSource.manager.find(ChatWebhook, { where: { orgNodeId }, order: { createdAt: 'ASC' } });
    return { webhooks: webhooks.map(viewOf) };
  }

  async add(principal: Principal, orgNodeId: string, dto: ChatWebhookDto): Promise<ChatWebhookView> {
    if (this.config.environment === 'production' && new URL(dto.url).protocol !== 'https:') throw NotificationError.insecureWebhook();
    await this.known(orgNodeId);
    return this.dataSource.transaction(async (manager) => {
      // Counted under a lock of the node's row: two additions at once cannot pass the limit together.
      await manager.query(`SELECT 1 FROM plans.org_node WHERE id = $1 FOR UPDATE`, [orgNodeId]);
      if ((await manager.countBy(ChatWebhook, { orgNodeId })) >= WEBHOOKS_PER_NODE) throw NotificationError.tooManyWebhooks(orgNodeId, WEBHOOKS_PER_NODE);
      const webhook = manager.create(ChatWebhook, { id: randomUUID(), orgNodeId, name: dto.name.trim(), format: dto.format, url: dto.url, createdBy: principal.sub, createdAt: new Date() });
      await manager.save(webhook);
      return viewOf(webhook);
    });
  }

  async remove(orgNodeId: string, id: string): Promise<void> {
    await this.known(orgNodeId);
    if (!isUUID(id)) throw NotificationError.unknownWebhook(id);
    const removed = await this.dataSource.manager.delete(ChatWebhook, { id, orgNodeId });
    if (!removed.affected) throw NotificationError.unknownWebhook(id);
  }

  private async known(orgNodeId: string): Promise<void> {
    if ((await nodeLineage(this.dataSource.manager, orgNodeId)).length === 0) throw OrgNodeError.unknown(orgNodeId);
  }
}
