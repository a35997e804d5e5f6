import { proxyActivities, setCurrentDetails, sleep } from '@temporalio/workflow';
import { TASK_QUEUES, type DecisionCheckActivities, type DecisionCheckInput } from '@tollgate/contracts';
import { claimDueAt, type DecisionCheck } from '@tollgate/domain';

const { checkDecisionClaim } = proxyActivities<DecisionCheckActivities>({
  taskQueue: TASK_QUEUES.plans,
  startToCloseTimeout: '1 minute',
  // The plans service may be down on the day: the check waits for it, it is never skipped.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * A decision's expected effect, checked on its day: a durable timer to the
 * date the claim names, then the plans service reads the figure and records
 * whether the decision did what the chair expected.
 */
export async function decisionCheck(input: DecisionCheckInput): Promise<DecisionCheck> {
  const { claim } = input;
  setCurrentDetails(`**Decision ${input.decisionId}** expects ${claim.figure} ≥ ${claim.atLeast} by ${claim.by} · node ${input.orgNodeId}`);
  const wait = claimDueAt(claim) - Date.now();
  if (wait > 0) await sleep(wait);
  return checkDecisionClaim(input);
}
