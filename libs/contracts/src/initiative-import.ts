import { defineQuery } from '@temporalio/workflow';

/** Where an import of initiatives from a spreadsheet stands. */
export type ImportState = 'reading' | 'checking' | 'applying' | 'completed' | 'refused' | 'cancelled' | 'failed';

/** An import's figures: they only grow while it runs. */
export interface ImportProgress {
  importId: string;
  state: ImportState;
  /** Initiatives the file holds (its Initiatives rows), known once it is read. */
  total: number;
  checked: number;
  /** Initiatives created by this import. */
  applied: number;
  /** Initiatives that existed already under the same key (a file imported before). */
  unchanged: number;
  /** Initiatives refused for a bad cell, and rows naming no initiative of the file. */
  refused: number;
  /** Bad cells found, each named by sheet, row and column (listed at the import's route). */
  problems: number;
  /** Why the import stopped short, when a step failed past its attempts (state `failed`); upload the file again to retry it. */
  failure?: string;
}

/** Whether an import applies only when every cell is good, or the good initiatives and refuses the rest. */
export type ImportMode = 'all' | 'valid';

export interface InitiativeImportInput {
  importId: string;
  mode: ImportMode;
}

/** What one check or apply step did, for the workflow to add up. */
export interface ImportStepResult {
  checked?: number;
  applied?: number;
  unchanged?: number;
  refused?: number;
  problems?: number;
}

/** The initiatives service's activities for an import, on its own task queue. */
export interface InitiativeImportActivities {
  /** Reads the stored file into one row per initiative; answers how many, and the problems of the file as a whole. */
  readImport(input: { importId: string }): Promise<{ total: number; orphans: number; problems: number }>;
  /** Checks the initiatives at positions [from, to): every cell, and the rules of a new initiative. */
  checkImportRows(input: { importId: string; from: number; to: number }): Promise<ImportStepResult>;
  /** Creates the good initiatives at positions [from, to) that do not exist yet. */
  applyImportRows(input: { importId: string; from: number; to: number }): Promise<ImportStepResult>;
  /** Records how the import ended. */
  finishImport(input: { progress: ImportProgress }): Promise<void>;
}

export const INITIATIVE_IMPORT = {
  progress: defineQuery<ImportProgress>('progress'),
};

export function initiativeImportWorkflowId(importId: string): string {
  return `initiative-import-${importId}`;
}
