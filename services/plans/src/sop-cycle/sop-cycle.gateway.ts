import { Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { SOP_CYCLE, SOP_CYCLE_REFUSAL, sopCycleWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type SopCycleInput } from '@tollgate/contracts';
import type { RuleViolation, SopCycleState } from '@tollgate/domain';
import { classifyUpdateFailure } from '@tollgate/temporal';
import { SopCycleError } from './sop-cycle.error';

/** How long a command waits on Temporal before the caller is told to retry (503). */
const SOP_CALL_TIMEOUT_MS = 10_000;

type SopCycleUpdate = (typeof SOP_CYCLE)['completeStep' | 'submitMitigation' | 'recordDecision'];

/** Where the service meets the S&OP cycle workflows: it starts them, sends updates, and answers refusals in the domain's words. */
@Injectable()
export class SopCycleGateway {
  private readonly logger = new Logger(SopCycleGateway.name);

  constructor(private readonly client: Client) {}

  /** Starts the node's cycle for the period, answering once it is projected; a cycle already there is answered as it is. */
  async start(input: SopCycleInput): Promise<SopCycleState | null> {
    const workflowId = sopCycleWorkflowId(input.orgNodeId, input.period);
    const operation = new WithStartWorkflowOperation(WORKFLOW_TYPES.sopCycle, {
      workflowId,
      taskQueue: TASK_QUEUES.lifecycle,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // One cycle per node and period, even after it is published.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await this.client.withDeadline(Date.now() + SOP_CALL_TIMEOUT_MS, () =>
        this.client.workflow.executeUpdateWithStart(SOP_CYCLE.started, { startWorkflowOperation: operation }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return null;
      throw this.translate(error, workflowId);
    }
  }

  async update<Result>(cycleId: string, update: SopCycleUpdate, args: unknown[], updateId?: string): Promise<Result> {
    const handle = this.client.workflow.getHandle(cycleId);
    try {
      return (await this.client.withDeadline(Date.now() + SOP_CALL_TIMEOUT_MS, () =>
        handle.executeUpdate(update as never, { args: args as never, ...(updateId ? { updateId } : {}) }),
      )) as Result;
    } catch (error) {
      throw this.translate(error, cycleId);
    }
  }

  private translate(error: unknown, cycleId: string): Error {
    const failure = classifyUpdateFailure(error, SOP_CYCLE_REFUSAL);
    switch (failure.kind) {
      case 'refused':
        return SopCycleError.violated(failure.details as RuleViolation);
      case 'ended':
        return SopCycleError.published(cycleId);
      case 'unavailable':
        this.logger.warn(`Temporal call for ${cycleId} failed: ${failure.message}`);
        return SopCycleError.unavailable();
      case 'other':
        return error as Error;
    }
  }
}
