import type { ImportMode, ImportState } from '@tollgate/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CellProblem } from './initiative-workbook';

/** An uploaded spreadsheet of initiatives and how its import went; the same file from the same uploader in the same mode is one import. */
@Entity({ name: 'initiative_import' })
@Index('initiative_import_uploader_file_key', ['importedBy', 'contentSha256', 'mode'], { unique: true })
export class InitiativeImport {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'initiative_import_pkey' })
  id!: string;

  @Column({ name: 'content_sha256', type: 'char', length: 64 })
  contentSha256!: string;

  @Column({ type: 'varchar', length: 10 })
  mode!: ImportMode;

  @Column({ type: 'varchar', length: 10 })
  format!: 'xlsx' | 'csv';

  /** The file as uploaded: the workflow's steps read it, so that an import survives a restart. */
  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'imported_by', type: 'varchar', length: 200 })
  importedBy!: string;

  /** The importer's roles when they uploaded: the rights the initiatives are created with. */
  @Column({ name: 'importer_roles', type: 'jsonb' })
  importerRoles!: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  state!: ImportState;

  /** The figures as the import ended (while it runs, its workflow's query has them). */
  @Column({ type: 'jsonb', nullable: true })
  outcome!: { total: number; checked: number; applied: number; unchanged: number; refused: number; problems: number; failure?: string } | null;

  /** Problems of the file as a whole: a sheet or column missing, a key given twice, rows naming no initiative. */
  @Column({ name: 'file_problems', type: 'jsonb' })
  fileProblems!: CellProblem[];

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
