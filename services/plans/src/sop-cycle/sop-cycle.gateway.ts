import { Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { SOP_CYCLE, SOP_CYCLE_REFUSAL, sopCycleWorkflowId, TASK_QUEUES, WORKFLOW_TYPES, type SopCycleInput } from '@tollgate/contracts';
import type { RuleViolation, SopCycleState } from '@tollgate/domain';
import { WorkflowCallError, WorkflowGateway } from '@tollgate/temporal';
import { SopCycleError } from './sop-cycle.error';

/** How long a command waits on Temporal before the caller is told to retry (503). */
const SOP_CALL_TIMEOUT_MS = 10_000;

/** Where the service meets the S&OP cycle workflows: it starts them, sends updates, and answers refusals in the domain's words. */
@Injectable()
export class SopCycleGateway {
  private readonly logger = new Logger(SopCycleGateway.name);
  private readonly workflows: WorkflowGateway;

  constructor(client: Client) {
    this.workflows = new WorkflowGateway(client, { refusalType: SOP_CYCLE_REFUSAL, timeoutMs: SOP_CALL_TIMEOUT_MS });
  }

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
      staticSummary: `S&OP cycle ${input.period} · node ${input.orgNodeId}`,
    });
    try {
      return await this.workflows.updateWithStart(SOP_CYCLE.started, workflowId, operation);
    } catch (error) {
      if (error instanceof WorkflowCallError && error.failure.kind === 'already_started') return null;
      throw this.translate(error, workflowId);
    }
  }

  async update<Result, Args extends [unknown, ...unknown[]]>(cycleId: string, update: UpdateDefinition<Result, Args>, args: Args, updateId?: string): Promise<Result> {
    try {
      return await this.workflows.update(cycleId, update, args, updateId);
    } catch (error) {
      throw this.translate(error, cycleId);
    }
  }

  private translate(error: unknown, cycleId: string): Error {
    if (!(error instanceof WorkflowCallError)) return error as Error;
    const { failure } = error;
    switch (failure.kind) {
      case 'refused':
        return SopCycleError.violated(failure.details as RuleViolation);
      case 'ended':
      case 'already_started':
        return SopCycleError.published(cycleId);
      case 'unavailable':
        this.logger.warn(`Temporal call for ${cycleId} failed: ${failure.message}`);
        return SopCycleError.unavailable();
    }
  }
}
