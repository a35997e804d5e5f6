import type { OrgNodeKind } from '@tollgate/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One node of the hierarchy: organization, business unit or program. */
@Entity({ name: 'org_node' })
@Index('org_node_parent_idx', ['parentId'])
@Index('org_node_sibling_name_key', ['parentKey', 'nameKey'], { unique: true })
export class OrgNode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'org_node_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The name as siblings are compared: no two siblings share it. */
  @Column({ name: 'name_key', type: 'varchar', length: 200 })
  nameKey!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrgNodeKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The parent, or '-' for organizations, so that organizations' names are unique too. */
  @Column({ name: 'parent_key', type: 'varchar', length: 40 })
  parentKey!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
