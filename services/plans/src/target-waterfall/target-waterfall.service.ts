import { Injectable } from '@nestjs/common';
import { DEFAULT_CURRENCY, targetWaterfall } from '@tollgate/domain';
import { PlanService } from '../plan/plan.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import type { TargetWaterfallView } from '@tollgate/contracts/views';

/** From a node's target over a period range, through the value standing at each DoI stage, to the gap still to find. */
@Injectable()
export class TargetWaterfallService {
  constructor(
    private readonly plans: PlanService,
    private readonly portfolio: PortfolioService,
  ) {}

  async waterfall(orgNodeId: string, from: string, to: string, currency?: string): Promise<TargetWaterfallView> {
    const plan = await this.plans.planOfRecord(orgNodeId);
    const inCurrency = currency ?? plan?.currency ?? DEFAULT_CURRENCY;
    const byStage = await this.portfolio.valueByStage(orgNodeId, inCurrency, from, to);
    const inPlanCurrency = plan !== null && plan.currency === inCurrency;
    const target = inPlanCurrency ? plan.targets.filter((cell) => cell.period >= from && cell.period <= to).reduce((sum, cell) => sum + cell.amount, 0) : 0;
    return {
      orgNodeId,
      currency: inCurrency,
      from,
      to,
      // The target comes from the node's plan of record; without one (or in another currency) it is 0 and the gap shows coverage only.
      targetPlanId: inPlanCurrency ? plan.id : null,
      steps: targetWaterfall(target, byStage),
    };
  }
}
