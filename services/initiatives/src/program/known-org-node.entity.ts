import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An org node as the plans service announced it; initiatives are created under its programs only. */
@Entity({ name: 'known_org_node' })
export class KnownOrgNode {
  @PrimaryColumn({ name: 'node_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'known_org_node_pkey' })
  nodeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: 'organization' | 'business_unit' | 'program';

  @Column({ name: 'parent_id', type: 'varchar', length: 200, nullable: true })
  parentId!: string | null;

  @Column({ name: 'event_id', type: 'varchar', length: 200 })
  eventId!: string;
}
