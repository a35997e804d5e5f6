import { Injectable } from '@nestjs/common';
import type { ImportStepResult, InitiativeImportActivities } from '@tollgate/contracts';
import type { InitiativeDraft, Role } from '@tollgate/domain';
import { DomainError, uuidFromKey } from '@tollgate/platform';
import { printableReason, readSpreadsheet, UnreadableSpreadsheetError } from '@tollgate/spreadsheets';
import type { ActivityProvider } from '@tollgate/temporal';
import { Context } from '@temporalio/activity';
import { DataSource, In, Between } from 'typeorm';
import { KnownOrgNode } from '../program/known-org-node.entity';
import { Initiative } from '../projection/initiative.entity';
import { InitiativeService } from '../initiative/initiative.service';
import { InitiativeImportRow } from './initiative-import-row.entity';
import { InitiativeImport } from './initiative-import.entity';
import { checkImportRow, groupInitiativeRows, INITIATIVE_SHEETS, sheetsOfInitiativeCsv } from './initiative-workbook';

// Initiatives created at once within a step: each starts its lifecycle workflow.
const CREATIONS_AT_ONCE = 8;
// Rows written per statement when a file is read.
const ROWS_PER_INSERT = 500;

/** Tells Temporal the step is alive (at most every second), so that a step whose process died is retried soon. */
function heartbeater(): () => void {
  let last = 0;
  return () => {
    if (Date.now() - last < 1000) return;
    last = Date.now();
    try {
      Context.current().heartbeat();
    } catch {
      // Called outside an activity (a test calling the step directly): nothing to tell.
    }
  };
}

/** The id an imported initiative gets: the same file key under the same program is the same initiative. */
export function importedInitiativeId(programId: string, key: string): string {
  return uuidFromKey('initiative-import', programId, key);
}

/**
 * The steps of an import, as activities of the initiatives service: each
 * can be repeated (a retry after a restart) and ends as it would have.
 */
@Injectable()
export class InitiativeImportActivitiesService implements ActivityProvider {
  constructor(
    private readonly dataSource: DataSource,
    private readonly initiatives: InitiativeService,
  ) {}

  activities(): InitiativeImportActivities {
    return {
      readImport: (input) => this.read(input.importId),
      checkImportRows: (input) => this.check(input.importId, input.from, input.to),
      applyImportRows: (input) => this.apply(input.importId, input.from, input.to),
      finishImport: async ({ progress }) => {
        const { importId, state, ...outcome } = progress;
        await this.dataSource.manager.update(InitiativeImport, { id: importId }, { state, outcome, finishedAt: new Date() });
      },
    };
  }

  async read(importId: string) {
    const file = await this.dataSource.manager.findOneByOrFail(InitiativeImport, { id: importId });
    heartbeater()();
    let grouped: ReturnType<typeof groupInitiativeRows>;
    try {
      const sheets = await readSpreadsheet(file.content, file.format, INITIATIVE_SHEETS.initiatives.name);
      // A CSV holds one table: a row per planned value, cost or milestone, split into the workbook's sheets.
      grouped = groupInitiativeRows(file.format === 'csv' ? sheetsOfInitiativeCsv(sheets[0]) : sheets);
    } catch (error) {
      // Reading and grouping touch no database: whatever fails there fails again, so it is a problem of the
      // file, not a step to retry for ever.
      const message = error instanceof UnreadableSpreadsheetError ? error.message : `the file could not be read (${printableReason(error)})`;
      grouped = { rows: [], orphans: 0, problems: [{ sheet: INITIATIVE_SHEETS.initiatives.name, row: 1, column: null, message }] };
    }
    const { rows, problems, orphans } = grouped;
    await this.dataSource.transaction(async (manager) => {
      // Read again after a retry: the same rows, nothing twice.
      await manager.delete(InitiativeImportRow, { importId });
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        await manager.insert(
          InitiativeImportRow,
          rows.slice(start, start + ROWS_PER_INSERT).map((source, index) => ({ importId, position: start + index, key: source.key, source, state: 'read' as const, problems: null, draft: null, initiativeId: null })),
        );
      }
      await manager.update(InitiativeImport, { id: importId }, { fileProblems: problems, state: 'checking' });
    });
    return { total: rows.length, orphans, problems: problems.length };
  }

  async check(importId: string, from: number, to: number): Promise<ImportStepResult> {
    const manager = this.dataSource.manager;
    const file = await manager.findOneByOrFail(InitiativeImport, { id: importId });
    const rows = await manager.find(InitiativeImportRow, { where: { importId, position: Between(from, to - 1) }, order: { position: 'ASC' } });
    const programIds = [...new Set(rows.map((row) => String(row.source.initiative.cells['Program'] ?? '').trim()).filter(Boolean))];
    const programs = new Set(
      programIds.length === 0 ? [] : (await manager.findBy(KnownOrgNode, { nodeId: In(programIds), kind: 'program' })).map((node) => node.nodeId),
    );
    const actor = { id: file.importedBy, roles: file.importerRoles as Role[] };
    let refused = 0;
    let problems = 0;
    await this.dataSource.transaction(async (writer) => {
      const beat = heartbeater();
      for (const row of rows) {
        beat();
        const checked = checkImportRow(row.source, actor, (id) => programs.has(id));
        if (!checked.draft) {
          refused += 1;
          problems += checked.problems.length;
        }
        const initiativeId = checked.draft ? importedInitiativeId(checked.draft.programId, row.key) : null;
        await writer.update(InitiativeImportRow, { importId, position: row.position }, { state: checked.draft ? 'good' : 'bad', problems: checked.problems, draft: checked.draft, initiativeId });
      }
    });
    return { checked: rows.length, refused, problems };
  }

  async apply(importId: string, from: number, to: number): Promise<ImportStepResult> {
    const manager = this.dataSource.manager;
    const file = await manager.findOneByOrFail(InitiativeImport, { id: importId });
    const principal = { sub: file.importedBy, roles: file.importerRoles as Role[] };
    const rows = await manager.find(InitiativeImportRow, { where: { importId, position: Between(from, to - 1) }, order: { position: 'ASC' } });
    await manager.update(InitiativeImport, { id: importId, state: 'checking' }, { state: 'applying' });
    const pending = rows.filter((row) => row.state === 'good');
    const existing = new Set(
      pending.length === 0 ? [] : (await manager.findBy(Initiative, { id: In(pending.map((row) => row.initiativeId!)) })).map((initiative) => initiative.id),
    );
    const queue = [...pending];
    const beat = heartbeater();
    const work = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        let state: 'applied' | 'unchanged' | 'failed' = 'unchanged';
        let problems = row.problems;
        if (!existing.has(row.initiativeId!)) {
          const draft = row.draft as InitiativeDraft;
          try {
            const created = await this.initiatives.create(principal, { ...draft, roughValue: draft.roughValue ?? undefined }, undefined, row.initiativeId!);
            state = created.created ? 'applied' : 'unchanged';
          } catch (error) {
            // Refused now though good when checked (its program went, say): this one is refused, the import goes on.
            // Temporal or the database away is no refusal: the step fails and is tried again.
            if (!(error instanceof DomainError) || error.kind === 'unavailable') throw error;
            state = 'failed';
            problems = [{ sheet: INITIATIVE_SHEETS.initiatives.name, row: row.source.initiative.row, column: null, message: error.message }];
          }
        }
        await manager.update(InitiativeImportRow, { importId, position: row.position }, { state, problems });
        beat();
      }
    };
    await Promise.all(Array.from({ length: CREATIONS_AT_ONCE }, work));
    // Counted from what the rows say now, so that a step run twice counts its rows once.
    const after = await manager.find(InitiativeImportRow, { where: { importId, position: Between(from, to - 1) }, select: { state: true } });
    const count = (state: string) => after.filter((row) => row.state === state).length;
    return { applied: count('applied'), unchanged: count('unchanged'), refused: count('failed'), problems: count('failed') };
  }
}
