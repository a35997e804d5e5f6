import { repeatedPlanCells, type PlanCell as PlanFigure } from '@tollgate/domain';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { OrgNode } from '../org-node/org-node.entity';
import { OrgNodeError } from '../org-node/org-node.error';
import type { PlanCellsDto } from './dtos/plan-cells.dto';
import { PlanCell } from './plan-cell.entity';
import { PlanError } from './plan.error';

// Keeps each statement well under PostgreSQL's 65535 bind parameters.
const CELLS_PER_STATEMENT = 1000;

/** 404 for an id that names no node (a malformed id names none either). */
export async function requireOrgNode(manager: EntityManager, nodeId: string): Promise<void> {
  if (!isUUID(nodeId) || !(await manager.existsBy(OrgNode, { id: nodeId }))) throw OrgNodeError.unknown(nodeId);
}

/**
 * Serializes the writes to one node's plans until the transaction ends: which
 * plan is the record, and the cells of each, change one writer at a time.
 */
export async function lockNodePlans(manager: EntityManager, nodeId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`plans.plan:${nodeId}`]);
}

export function cellsOf(manager: EntityManager, planId: string): Promise<PlanCell[]> {
  return manager.findBy(PlanCell, { planId });
}

/** The figures a change gives, as cells; a change naming a cell twice is refused (422). */
export function figuresOf(change: PlanCellsDto): PlanFigure[] {
  const figures: PlanFigure[] = [
    ...(change.targets ?? []).map((cell) => ({ line: 'target' as const, family: '', period: cell.period, amount: cell.amount })),
    ...(change.demand ?? []).map((cell) => ({ line: 'demand' as const, family: cell.family, period: cell.period, amount: cell.volume })),
    ...(change.capacity ?? []).map((cell) => ({ line: 'capacity' as const, family: cell.family, period: cell.period, amount: cell.volume })),
  ];
  const repeated = repeatedPlanCells(figures);
  if (repeated.length > 0) throw PlanError.repeatedCells(repeated);
  return figures;
}

/** Each figure replaces the plan's cell of the same line, family and period; the other cells stay. */
export async function writeCells(manager: EntityManager, planId: string, figures: readonly PlanFigure[]): Promise<void> {
  for (let start = 0; start < figures.length; start += CELLS_PER_STATEMENT) {
    const rows = figures.slice(start, start + CELLS_PER_STATEMENT).map(({ line, family, period, amount }) => ({ planId, line, family, period, amount }));
    await manager.upsert(PlanCell, rows, ['planId', 'line', 'family', 'period']);
  }
}
