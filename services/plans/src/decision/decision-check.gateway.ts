import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { decisionCheckWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type DecisionCheckInput } from '@tollgate/contracts';

/** Starts the workflow that checks a decision's expected effect on its day; one already started is left as it is. */
@Injectable()
export class DecisionCheckGateway {
  constructor(private readonly client: Client) {}

  async follow(input: DecisionCheckInput): Promise<void> {
    try {
      await this.client.workflow.start(WORKFLOW_TYPES.decisionCheck, {
        workflowId: decisionCheckWorkflowId(input.decisionId),
        taskQueue: TASK_QUEUES.lifecycle,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Decision check · ${input.claim.figure} ≥ ${input.claim.atLeast} by ${input.claim.by}`,
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
