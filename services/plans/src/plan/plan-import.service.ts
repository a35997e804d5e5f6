import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { readSpreadsheet, spreadsheetFormatOf, SpreadsheetLimitError, UnreadableSpreadsheetError, type CellProblem, type SpreadsheetLimit } from '@tollgate/spreadsheets';
import { STATUS_CODES } from 'node:http';
import { isUUID } from 'class-validator';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { cellsOf, lockNodePlans, requireOrgNode, writeCells } from './plan-cells';
import { PlanImport } from './plan-import.entity';
import { Plan } from './plan.entity';
import { PlanError } from './plan.error';
import { PlanService } from './plan.service';
import { planView, type PlanView } from './plan-view';
import { PLAN_CSV_SHEET, readPlanCells } from './plan-workbook';

export type PlanImportAnswer =
  | { status: 201 | 200; body: { plan: PlanView; imported: { cells: number; importedAt: string; importedBy: string; again: boolean } } }
  | { status: 400 | 413 | 422; body: { statusCode: number; error: string; message: string; limit?: SpreadsheetLimit; problems: CellProblem[] } };

/**
 * A plan from a spreadsheet: every cell is checked before any is written,
 * and a file with a bad cell answers every one and changes nothing. The
 * cells merge into the plan as `PUT .../plan` would; the same file into the
 * same plan again changes nothing, even after the plan was edited since.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanService,
  ) {}

  intoRecord(principal: Principal, nodeId: string, body: unknown, contentType: string | undefined): Promise<PlanImportAnswer> {
    return this.import(principal, body, contentType, async (manager) => {
      await requireOrgNode(manager, nodeId);
      await lockNodePlans(manager, nodeId);
      const record = await manager.findOneBy(Plan, { orgNodeId: nodeId, kind: 'record' });
      return {
        currency: record?.currency ?? DEFAULT_CURRENCY,
        planId: record?.id,
        write: async (figures) => (await this.plans.mergeIntoRecord(manager, principal.sub, nodeId, figures)).plan,
      };
    });
  }

  intoScenario(principal: Principal, scenarioId: string, body: unknown, contentType: string | undefined): Promise<PlanImportAnswer> {
    return this.import(principal, body, contentType, async (manager) => {
      const found = isUUID(scenarioId) ? await manager.findOneBy(Plan, { id: scenarioId }) : null;
      if (!found) throw PlanError.unknown(scenarioId);
      await lockNodePlans(manager, found.orgNodeId);
      const scenario = (await manager.findOneBy(Plan, { id: scenarioId }))!;
      if (scenario.kind !== 'scenario') throw PlanError.notAScenario(scenarioId, scenario.kind);
      return {
        currency: scenario.currency,
        planId: scenario.id,
        write: async (figures) => {
          await writeCells(manager, scenario.id, figures);
          return scenario;
        },
      };
    });
  }

  private async import(
    principal: Principal,
    body: unknown,
    contentType: string | undefined,
    target: (manager: EntityManager) => Promise<{ currency: string; planId?: string; write: (figures: ReturnType<typeof readPlanCells>['figures']) => Promise<Plan> }>,
  ): Promise<PlanImportAnswer> {
    const content = Buffer.isBuffer(body) && body.length > 0 ? body : null;
    const format = content ? spreadsheetFormatOf(contentType, content) : undefined;
    if (!content || !format) return refusal(400, 'send the file as the request body, with content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (xlsx) or text/csv', []);
    let sheets;
    try {
      sheets = await readSpreadsheet(content, format, PLAN_CSV_SHEET);
    } catch (error) {
      if (error instanceof UnreadableSpreadsheetError) return refusal(error.status, error.message, [], error instanceof SpreadsheetLimitError ? error.limit : undefined);
      throw error;
    }
    const contentSha256 = createHash('sha256').update(content).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const into = await target(manager);
      if (into.planId) {
        const before = await manager.findOneBy(PlanImport, { planId: into.planId, contentSha256 });
        if (before) {
          const plan = (await manager.findOneBy(Plan, { id: into.planId }))!;
          return { status: 200 as const, body: { plan: planView(plan, await cellsOf(manager, plan.id)), imported: { cells: before.cells, importedAt: before.importedAt.toISOString(), importedBy: before.importedBy, again: true } } };
        }
      }
      const { figures, problems } = readPlanCells(sheets, into.currency);
      if (problems.length > 0) return refusal(422, `the file has ${problems.length} bad cell${problems.length === 1 ? '' : 's'}; nothing was imported`, problems);
      if (figures.length === 0) return refusal(422, 'the file sets no cell', []);
      const plan = await into.write(figures);
      const importedAt = new Date();
      await manager.insert(PlanImport, { planId: plan.id, contentSha256, importedBy: principal.sub, importedAt, cells: figures.length });
      return { status: 201 as const, body: { plan: planView(plan, await cellsOf(manager, plan.id)), imported: { cells: figures.length, importedAt: importedAt.toISOString(), importedBy: principal.sub, again: false } } };
    });
  }
}

function refusal(statusCode: 400 | 413 | 422, message: string, problems: CellProblem[], limit?: SpreadsheetLimit): PlanImportAnswer {
  return { status: statusCode, body: { statusCode, error: STATUS_CODES[statusCode]!, message, ...(limit ? { limit } : {}), problems } };
}
