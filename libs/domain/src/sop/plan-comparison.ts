import { comparePlanCells, PLAN_LINES, planCellKey, type PlanCell, type PlanLine } from './plan-cell';

/** A cell in which the scenario departs from the plan of record; null where one side has no such cell. */
export interface PlanCellDifference {
  line: PlanLine;
  family: string;
  period: string;
  record: number | null;
  scenario: number | null;
  /** scenario − record, a missing cell counting as 0. */
  delta: number;
}

export interface PlanLineTotal {
  line: PlanLine;
  record: number;
  scenario: number;
  delta: number;
}

export interface PlanComparison {
  differences: PlanCellDifference[];
  /** Every line, even one that neither side fills, so that a reader always finds the three. */
  totals: PlanLineTotal[];
}

/** What a what-if scenario changes against the plan of record: each differing cell, and the total of each line. */
export function comparePlans(record: readonly PlanCell[], scenario: readonly PlanCell[]): PlanComparison {
  const recorded = new Map(record.map((cell) => [planCellKey(cell), cell]));
  const proposed = new Map(scenario.map((cell) => [planCellKey(cell), cell]));
  const differences: PlanCellDifference[] = [];
  for (const key of new Set([...recorded.keys(), ...proposed.keys()])) {
    const before = recorded.get(key);
    const after = proposed.get(key);
    if (before && after && before.amount === after.amount) continue;
    const cell = (before ?? after)!;
    differences.push({
      line: cell.line,
      family: cell.family,
      period: cell.period,
      record: before?.amount ?? null,
      scenario: after?.amount ?? null,
      delta: (after?.amount ?? 0) - (before?.amount ?? 0),
    });
  }
  const total = (cells: readonly PlanCell[], line: PlanLine) => cells.reduce((sum, cell) => (cell.line === line ? sum + cell.amount : sum), 0);
  return {
    differences: differences.sort(comparePlanCells),
    totals: PLAN_LINES.map((line) => {
      const sums = { record: total(record, line), scenario: total(scenario, line) };
      return { line, ...sums, delta: sums.scenario - sums.record };
    }),
  };
}
