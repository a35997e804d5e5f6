import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file imported into a plan: the same file into the same plan again changes nothing. */
@Entity({ name: 'plan_import' })
export class PlanImport {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid', primaryKeyConstraintName: 'plan_import_pkey' })
  planId!: string;

  @PrimaryColumn({ name: 'content_sha256', type: 'char', length: 64, primaryKeyConstraintName: 'plan_import_pkey' })
  contentSha256!: string;

  @Column({ name: 'imported_by', type: 'varchar', length: 200 })
  importedBy!: string;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt!: Date;

  @Column({ type: 'integer' })
  cells!: number;
}
