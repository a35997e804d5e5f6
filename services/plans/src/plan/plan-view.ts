import { comparePlanCells } from '@tollgate/domain';
import type { PlanCell } from './plan-cell.entity';
import type { Plan } from './plan.entity';
import type { PlanView } from '@tollgate/contracts/views';

/** A plan as the API and the other modules see it: its lines sorted by family and period. */
export function planView(plan: Plan, cells: readonly PlanCell[]): PlanView {
  const sorted = [...cells].sort(comparePlanCells);
  const volumes = (line: 'demand' | 'capacity') =>
    sorted.filter((cell) => cell.line === line).map((cell) => ({ family: cell.family, period: cell.period, volume: cell.amount }));
  return {
    id: plan.id,
    orgNodeId: plan.orgNodeId,
    name: plan.name,
    kind: plan.kind,
    currency: plan.currency,
    basedOnPlanId: plan.basedOnPlanId,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    promotion: plan.promotedAt ? { decidedBy: plan.promotedBy, decidedAt: plan.promotedAt.toISOString(), rationale: plan.promotionRationale } : null,
    targets: sorted.filter((cell) => cell.line === 'target').map((cell) => ({ period: cell.period, amount: cell.amount })),
    demand: volumes('demand'),
    capacity: volumes('capacity'),
  };
}

export type { PlanView };
