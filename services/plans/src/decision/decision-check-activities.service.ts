import { Injectable } from '@nestjs/common';
import type { DecisionCheckActivities } from '@tollgate/contracts';
import type { ActivityProvider } from '@tollgate/temporal';
import { DecisionCheckService } from './decision-check.service';

/** The plans service's side of a decision's check: reading the figure on its day. */
@Injectable()
export class DecisionCheckActivitiesService implements ActivityProvider {
  constructor(private readonly checks: DecisionCheckService) {}

  activities(): DecisionCheckActivities {
    return { checkDecisionClaim: (input) => this.checks.check(input) };
  }
}
