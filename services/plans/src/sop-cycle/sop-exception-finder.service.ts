import { Injectable } from '@nestjs/common';
import { DEFAULT_CURRENCY, familyVolumesByPeriod, periodExceptions, type SopException } from '@tollgate/domain';
import { PlanService } from '../plan/plan.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import { SopPolicyService } from '../sop-policy/sop-policy.service';
import { SopCycleSetupService } from './sop-cycle-setup.service';


/**
 * Gathers a node's figures for one period (portfolio value rolled up under it,
 * the plan of record's target, demand and capacity, escalated initiatives)
 * and lets the domain's rules say what deviates.
 */
@Injectable()
export class SopExceptionFinder {
  constructor(
    private readonly plans: PlanService,
    private readonly policies: SopPolicyService,
    private readonly portfolio: PortfolioService,
    private readonly setups: SopCycleSetupService,
  ) {}

  async find(orgNodeId: string, period: string): Promise<SopException[]> {
    const [policy, plan, cyclePlan] = await Promise.all([
      this.policies.effectivePolicy(orgNodeId),
      this.plans.planOfRecord(orgNodeId),
      this.setups.planFor(orgNodeId),
    ]);
    const currency = plan?.currency ?? DEFAULT_CURRENCY;
    const [value] = await this.portfolio.valuesByPeriod(orgNodeId, currency, period, period);
    // Only the period's cells: the plan of record may hold years of them.
    const inPeriod = (cell: { period: string }) => cell.period === period;
    const cells = plan
      ? [
          ...plan.demand.filter(inPeriod).map((cell) => ({ line: 'demand', family: cell.family, period, amount: cell.volume })),
          ...plan.capacity.filter(inPeriod).map((cell) => ({ line: 'capacity', family: cell.family, period, amount: cell.volume })),
        ]
      : [];
    const escalated = (await this.portfolio.initiativesUnder(orgNodeId)).filter((initiative) => initiative.status === 'escalated');
    // The node's S&OP owner owes the mitigations; without one, whoever runs the reconciliation.
    const ownerId = policy.ownerId ?? cyclePlan?.owners.pre_sop ?? 'pmo';
    return periodExceptions(
      {
        orgNodeId,
        period,
        value: { planned: value.planned, forecast: value.forecast, target: plan?.targets.find((cell) => cell.period === period)?.amount ?? null },
        families: familyVolumesByPeriod(cells).get(period) ?? [],
        escalated,
      },
      { value: policy.valueThreshold, volume: policy.volumeThreshold },
      ownerId,
    );
  }
}
