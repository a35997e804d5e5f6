import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '@tollgate/auth';
import { initiativeImportWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type ImportMode, type ImportProgress, type InitiativeImportInput } from '@tollgate/contracts';
import { hasRole } from '@tollgate/domain';
import { uuidFromKey } from '@tollgate/platform';
import { checkSpreadsheetBounds, spreadsheetFormatOf, SpreadsheetLimitError } from '@tollgate/spreadsheets';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InitiativeImportRow, type ImportRowState } from './initiative-import-row.entity';
import { InitiativeImport } from './initiative-import.entity';
import { ImportError } from './initiative-import.error';
import { csvProblem, orphanRows, type CellProblem } from './initiative-workbook';
import { isUUID } from 'class-validator';

// How long an upload waits for its file to be checked before it answers 202 and leaves the rest to the workflow.
const CHECK_WAIT_MS = 10_000;
const PROBLEMS_IN_ANSWER = 1000;
const RUNNING: ReadonlySet<string> = new Set(['reading', 'checking', 'applying']);

/**
 * A file past a limit is answered at once, naming the limit, and never stored. Any other fault of the
 * file is the import's to report, as a problem of its read step.
 */
async function refuseBeyondLimits(content: Buffer, format: 'xlsx' | 'csv'): Promise<void> {
  try {
    await checkSpreadsheetBounds(content, format);
  } catch (error) {
    if (error instanceof SpreadsheetLimitError) throw ImportError.beyondLimit(error);
  }
}

export interface ImportView {
  id: string;
  mode: ImportMode;
  importedBy: string;
  createdAt: string;
  finishedAt: string | null;
  progress: ImportProgress;
}

/**
 * Spreadsheet imports of initiatives: an upload is stored once (the same
 * file in the same mode is the same import), its workflow reads, checks and
 * applies it, and the upload answers once the file is checked: every bad
 * cell when nothing may be applied, else the import under way.
 */
@Injectable()
export class InitiativeImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly client: Client,
  ) {}

  async upload(
    principal: Principal,
    body: unknown,
    contentType: string | undefined,
    mode: ImportMode,
  ): Promise<{ status: 200 | 202; body: ImportView } | { status: 422; body: ImportView & { statusCode: 422; error: string; message: string; problems: CellProblem[] } }> {
    const content = Buffer.isBuffer(body) ? body : null;
    const format = content && content.length > 0 ? spreadsheetFormatOf(contentType, content) : undefined;
    if (!content || !format) throw ImportError.notASpreadsheet();
    await refuseBeyondLimits(content, format);
    const contentSha256 = createHash('sha256').update(content).digest('hex');
    // An import belongs to its uploader: the same file from someone else is their own import, judged on their rights.
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InitiativeImport)
      .values({
        id: uuidFromKey('initiative-import', principal.sub, contentSha256, mode),
        contentSha256,
        mode,
        format,
        content,
        importedBy: principal.sub,
        importerRoles: principal.roles,
        createdAt: new Date(),
        state: 'reading',
        outcome: null,
        fileProblems: [],
        finishedAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const fresh = (inserted.raw as unknown[]).length > 0;
    // The uploader's earlier import of the file in this mode, whatever id it was given then.
    const { id } = await this.dataSource.manager.findOneOrFail(InitiativeImport, { where: { importedBy: principal.sub, contentSha256, mode }, select: { id: true } });
    // An import that failed (a step past its attempts) is tried again by the same upload, from its first step.
    const retried = await this.dataSource.manager.update(InitiativeImport, { id, state: 'failed' }, { state: 'reading', outcome: null, finishedAt: null, fileProblems: [] });
    await this.startWorkflow({ importId: id, mode }, Boolean(retried.affected));
    const view = await this.waitUntilChecked(id);
    if (view.progress.state === 'refused') {
      const { total, problems } = await this.problems(principal, id, 0, PROBLEMS_IN_ANSWER);
      // An error answer like any other, with the import and its problems beside the message.
      const message = `the file has ${total} problem${total === 1 ? '' : 's'}; nothing was imported${total > problems.length ? ` (the first ${problems.length} here, all at /api/imports/${id}/problems)` : ''}`;
      return { status: 422, body: { statusCode: 422, error: 'Unprocessable Entity', message, ...view, problems } };
    }
    return { status: fresh || retried.affected ? 202 : 200, body: view };
  }

  async show(principal: Principal, id: string): Promise<ImportView> {
    const row = await this.find(id);
    this.requireSeer(principal, row);
    return this.view(row);
  }

  /** Every problem of the import in the order of the file: sheet by sheet, row by row. */
  async problems(principal: Principal, id: string, offset: number, limit: number): Promise<{ importId: string; total: number; problems: CellProblem[] }> {
    const row = await this.find(id);
    this.requireSeer(principal, row);
    const rows = await this.dataSource.manager.find(InitiativeImportRow, { where: { importId: id }, select: { problems: true, position: true }, order: { position: 'ASC' } });
    const all = [...row.fileProblems, ...rows.flatMap((entry) => entry.problems ?? [])].sort(
      (a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''),
    );
    const page = all.slice(offset, offset + limit);
    return { importId: id, total: all.length, problems: row.format === 'csv' ? page.map((problem) => csvProblem(problem, 'CSV')) : page };
  }

  async cancel(principal: Principal, id: string): Promise<ImportView> {
    const row = await this.find(id);
    this.requireSeer(principal, row);
    const view = await this.view(row);
    if (!RUNNING.has(view.progress.state)) throw ImportError.finished(id, view.progress.state);
    try {
      await this.client.workflow.getHandle(initiativeImportWorkflowId(id)).cancel();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw ImportError.finished(id, view.progress.state);
      throw ImportError.unavailable();
    }
    return view;
  }

  private async startWorkflow(input: InitiativeImportInput, again: boolean): Promise<void> {
    try {
      await this.client.workflow.start(WORKFLOW_TYPES.initiativeImport, {
        workflowId: initiativeImportWorkflowId(input.importId),
        taskQueue: TASK_QUEUES.lifecycle,
        args: [input],
        // An upload repeated while the import runs, or after it ended, is the same import.
        // A failed import tried again replaces its run, should that still be closing.
        workflowIdConflictPolicy: again ? 'TERMINATE_EXISTING' : 'USE_EXISTING',
        workflowIdReusePolicy: again ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
        staticSummary: `Import of initiatives ${input.importId} (${input.mode === 'all' ? 'a good file only' : 'the good rows'})`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw ImportError.unavailable();
    }
  }

  private async waitUntilChecked(id: string): Promise<ImportView> {
    const deadline = Date.now() + CHECK_WAIT_MS;
    for (;;) {
      const view = await this.view(await this.find(id));
      if (!['reading', 'checking'].includes(view.progress.state) || Date.now() > deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * The import's figures as its rows stand: durable, read while the worker or
   * Temporal is away, and never behind what was shown before (the workflow's
   * own `progress` query, for operators, adds a step's rows once it ends).
   */
  private async view(row: InitiativeImport): Promise<ImportView> {
    const progress: ImportProgress = row.outcome ? { importId: row.id, state: row.state, ...row.outcome } : { importId: row.id, state: row.state, ...(await this.figures(row)) };
    return { id: row.id, mode: row.mode, importedBy: row.importedBy, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null, progress };
  }

  private async figures(row: InitiativeImport): Promise<Omit<ImportProgress, 'importId' | 'state'>> {
    const counts = (await this.dataSource.query(
      `SELECT state, count(*)::int AS rows, coalesce(sum(jsonb_array_length(coalesce(problems, '[]'::jsonb))), 0)::int AS problems
         FROM initiatives.initiative_import_row WHERE import_id = $1 GROUP BY state`,
      [row.id],
    )) as { state: ImportRowState; rows: number; problems: number }[];
    const of = (...states: ImportRowState[]) => counts.filter((entry) => states.includes(entry.state)).reduce((sum, entry) => sum + entry.rows, 0);
    return {
      total: of('read', 'good', 'bad', 'applied', 'unchanged', 'failed'),
      checked: of('good', 'bad', 'applied', 'unchanged', 'failed'),
      applied: of('applied'),
      unchanged: of('unchanged'),
      refused: of('bad', 'failed') + orphanRows(row.fileProblems),
      problems: counts.reduce((sum, entry) => sum + entry.problems, 0) + row.fileProblems.length,
    };
  }

  private async find(id: string): Promise<InitiativeImport> {
    // Only a UUID can name an import: anything else (36 dashes, say) would reach PostgreSQL's uuid parser.
    const row = isUUID(id) ? await this.dataSource.manager.findOne(InitiativeImport, { where: { id }, select: { id: true, mode: true, format: true, importedBy: true, createdAt: true, finishedAt: true, state: true, outcome: true, fileProblems: true } }) : null;
    if (!row) throw ImportError.unknown(id);
    return row;
  }

  private requireSeer(principal: Principal, row: InitiativeImport): void {
    if (row.importedBy !== principal.sub && !hasRole({ id: principal.sub, roles: principal.roles }, 'pmo')) throw ImportError.notYours();
  }
}

const SHEET_ORDER = ['Initiatives', 'Measures', 'Planned values', 'One-time costs', 'Milestones'];
