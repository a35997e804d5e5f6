import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CellProblem, ImportRowSource } from './initiative-workbook';

/** What became of one initiative of an import. */
/** `failed`: good when checked, refused when created. */
export type ImportRowState = 'read' | 'good' | 'bad' | 'applied' | 'unchanged' | 'failed';

/** One initiative of an uploaded file, with its rows of every sheet, as the import checked and applied it. */
@Entity({ name: 'initiative_import_row' })
export class InitiativeImportRow {
  @PrimaryColumn({ name: 'import_id', type: 'uuid', primaryKeyConstraintName: 'initiative_import_row_pkey' })
  importId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'initiative_import_row_pkey' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'jsonb' })
  source!: ImportRowSource;

  @Column({ type: 'varchar', length: 20 })
  state!: ImportRowState;

  @Column({ type: 'jsonb', nullable: true })
  problems!: CellProblem[] | null;

  /** The draft a good row creates, as checked. */
  @Column({ type: 'jsonb', nullable: true })
  draft!: object | null;

  @Column({ name: 'initiative_id', type: 'uuid', nullable: true })
  initiativeId!: string | null;
}
