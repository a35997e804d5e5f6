import type { Period } from '../period';

/** A plan's lines: targets in minor units of the plan's currency, demand and capacity in volumes per product family. */
export const PLAN_LINES = ['target', 'demand', 'capacity'] as const;

export type PlanLine = (typeof PLAN_LINES)[number];

/** The node's one plan of record, a what-if scenario beside it, or a record that a promotion replaced. */
export const PLAN_KINDS = ['record', 'scenario', 'superseded'] as const;

export type PlanKind = (typeof PLAN_KINDS)[number];

/** One figure of a plan. Targets belong to no product family: their family is ''. */
export interface PlanCell {
  line: PlanLine;
  family: string;
  period: Period;
  amount: number;
}

/** What identifies a cell within its plan: a cell given again replaces it. */
export function planCellKey(cell: Pick<PlanCell, 'line' | 'family' | 'period'>): string {
  return `${cell.line}\u0000${cell.family}\u0000${cell.period}`;
}

/** Line in the order of PLAN_LINES, then family, then period: the order in which plans are shown. */
export function comparePlanCells(a: Pick<PlanCell, 'line' | 'family' | 'period'>, b: Pick<PlanCell, 'line' | 'family' | 'period'>): number {
  return PLAN_LINES.indexOf(a.line) - PLAN_LINES.indexOf(b.line) || a.family.localeCompare(b.family) || a.period.localeCompare(b.period);
}

/**
 * The cells that one change names more than once: which of the figures was
 * meant cannot be told, so such a change is refused rather than guessed at.
 */
export function repeatedPlanCells(cells: readonly Pick<PlanCell, 'line' | 'family' | 'period'>[]): string[] {
  const seen = new Set<string>();
  const repeated = new Map<string, string>();
  for (const cell of cells) {
    const key = planCellKey(cell);
    if (seen.has(key)) repeated.set(key, `${cell.line}${cell.family ? ` ${cell.family}` : ''} ${cell.period} is given more than once`);
    seen.add(key);
  }
  return [...repeated.values()];
}
