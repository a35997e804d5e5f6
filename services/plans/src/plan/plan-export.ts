import type { PlanKind } from '@tollgate/domain';
import { notesTable, withCurrencyColumn, type SheetColumn, type SheetTable } from '@tollgate/spreadsheets';
import type { PlanView } from './plan-view';

const KIND_NAMES: Record<PlanKind, string> = { record: 'plan of record', scenario: 'scenario', superseded: 'superseded plan of record' };

/** What a plan's file is called: the plan of record, or the scenario by its name. */
export function planFileName(plan: Pick<PlanView, 'kind' | 'name'>): string {
  return plan.kind === 'scenario' ? `scenario-${plan.name}` : KIND_NAMES[plan.kind];
}

/** A plan's sheets: targets per period, demand and capacity per family and period, and notes. */
export function planSheets(plan: PlanView, exportedAt: string): SheetTable[] {
  const period: SheetColumn = { key: 'period', header: 'Period', kind: 'period' };
  const family: SheetColumn = { key: 'family', header: 'Family', kind: 'text', note: 'the product family', width: 24 };
  const tables: SheetTable[] = [
    withCurrencyColumn({
      name: 'Targets',
      currency: plan.currency,
      columns: [period, { key: 'amount', header: 'Target', kind: 'money', note: "the financial target of the period, in the plan's currency" }],
      rows: plan.targets.map((cell) => ({ period: cell.period, amount: cell.amount })),
    }),
    {
      name: 'Demand',
      columns: [family, period, { key: 'volume', header: 'Demand', kind: 'integer', note: 'units of the family the plan expects to sell in the period' }],
      rows: plan.demand.map((cell) => ({ family: cell.family, period: cell.period, volume: cell.volume })),
    },
    {
      name: 'Capacity',
      columns: [family, period, { key: 'volume', header: 'Capacity', kind: 'integer', note: 'units of the family that can be made in the period' }],
      rows: plan.capacity.map((cell) => ({ family: cell.family, period: cell.period, volume: cell.volume })),
    },
  ];
  const facts = [
    ['Export', `Plan: ${KIND_NAMES[plan.kind]}`],
    ['Plan', plan.id],
    ['Name', plan.name],
    ['Org node', plan.orgNodeId],
    ['Currency', plan.currency],
    ['Copied from plan', plan.basedOnPlanId],
    ['Created by', plan.createdBy],
    ['Created at', plan.createdAt],
    ['Promoted by', plan.promotion?.decidedBy ?? null],
    ['Promoted at', plan.promotion?.decidedAt ?? null],
    ['Rationale of the promotion', plan.promotion?.rationale ?? null],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}
