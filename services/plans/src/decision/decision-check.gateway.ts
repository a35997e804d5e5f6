import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { decisionCheckWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type DecisionCheckInput } from '@tollgate/contracts';
import { WorkflowGateway } from '@tollgate/temporal';

/** How long starting a check may wait on Temporal; the activity that asks is retried past it. */
const START_TIMEOUT_MS = 10_000;

/** Starts the workflow that checks a decision's expected effect on its day; one already started is left as it is. */
@Injectable()
export class DecisionCheckGateway {
  private readonly workflows: WorkflowGateway;

  constructor(client: Client) {
    // A check's workflow refuses nothing: it takes no updates.
    this.workflows = new WorkflowGateway(client, { refusalType: 'none', timeoutMs: START_TIMEOUT_MS });
  }

  follow(input: DecisionCheckInput): Promise<void> {
    return this.workflows.startOnce(WORKFLOW_TYPES.decisionCheck, {
      workflowId: decisionCheckWorkflowId(input.decisionId),
      taskQueue: TASK_QUEUES.lifecycle,
      args: [input],
      staticSummary: `Decision check · ${input.claim.figure} ≥ ${input.claim.atLeast} by ${input.claim.by}`,
    });
  }
}
