import type { DecisionCheck, DecisionClaim } from '@tollgate/domain';

/** The business key of the workflow that checks a decision's expected effect on its day. */
export function decisionCheckWorkflowId(decisionId: string): string {
  return `decision-check-${decisionId}`;
}

/** What starts a decision's check: the decision, where it was taken, and the figure it expects by a date. */
export interface DecisionCheckInput {
  decisionId: string;
  cycleId: string;
  orgNodeId: string;
  claim: DecisionClaim;
}

/** The activity of the plans service that the check calls, on the `plans` task queue. */
export interface DecisionCheckActivities {
  /** Reads the figure, stores whether the claim held beside the decision, and announces it (`plans.decision-checked`); a second call answers the first result. */
  checkDecisionClaim(input: DecisionCheckInput): Promise<DecisionCheck>;
}
