import { defineSearchAttributeKey, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { sopCycleWorkflowId, TASK_QUEUES, type MonthlySopCycleInput } from '@tollgate/contracts';
import { sopCycle } from './sop-cycle.workflow';

// Temporal sets it on every run a schedule starts.
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', 'DATETIME');

/** The period a scheduled run belongs to: the month of its scheduled time, in UTC. */
function periodOf(instant: Date): string {
  return instant.toISOString().slice(0, 7);
}

/**
 * What the monthly Temporal Schedule starts. A schedule cannot give its runs
 * the business key `sop-cycle-<node>-<period>`, so this starts the cycle under
 * that id and ends; the cycle outlives it. A cycle already started on demand
 * for the period is left as it is.
 */
export async function monthlySopCycle(input: MonthlySopCycleInput): Promise<string> {
  const scheduledAt = workflowInfo().typedSearchAttributes.get(SCHEDULED_START_TIME) ?? workflowInfo().startTime;
  const period = periodOf(scheduledAt);
  const workflowId = sopCycleWorkflowId(input.orgNodeId, period);
  try {
    await startChild(sopCycle, {
      workflowId,
      taskQueue: TASK_QUEUES.lifecycle,
      args: [{ orgNodeId: input.orgNodeId, period, startedBy: 'tollgate-schedule' }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return workflowId;
}
