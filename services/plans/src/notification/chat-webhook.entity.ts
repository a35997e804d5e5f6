import type { ChatFormat } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A chat channel of a node (an incoming webhook): told of what happens under the node. */
@Entity({ name: 'chat_webhook' })
@Index('chat_webhook_node_idx', ['orgNodeId'])
export class ChatWebhook {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'chat_webhook_pkey' })
  id!: string;

  @Column({ name: 'org_node_id', type: 'uuid' })
  orgNodeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  format!: ChatFormat;

  /** The webhook's address holds its secret: shown to nobody once saved, only its origin. */
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
