import { Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { SOP_ACTION_REFUSAL, sopActionWorkflowId, TASK_QUEUES, WORKFLOW_TYPES } from '@tollgate/contracts';
import type { RuleViolation, SopActionState } from '@tollgate/domain';
import { WorkflowCallError, WorkflowGateway } from '@tollgate/temporal';
import { SopActionError } from './sop-action.error';

/** How long a command waits on Temporal before the caller is told to retry (503). */
const ACTION_CALL_TIMEOUT_MS = 10_000;

/** Where the service meets the actions' workflows: it starts them for a decision, sends people's updates, and answers refusals in the domain's words. */
@Injectable()
export class SopActionGateway {
  private readonly logger = new Logger(SopActionGateway.name);
  private readonly workflows: WorkflowGateway;

  constructor(client: Client) {
    this.workflows = new WorkflowGateway(client, { refusalType: SOP_ACTION_REFUSAL, timeoutMs: ACTION_CALL_TIMEOUT_MS });
  }

  /** Starts each action's workflow; one that runs or ran already is left as it is, so a retried activity starts nothing twice. */
  async open(actions: readonly SopActionState[]): Promise<void> {
    for (const state of actions) {
      await this.workflows.startOnce(WORKFLOW_TYPES.sopAction, {
        workflowId: sopActionWorkflowId(state.actionId),
        taskQueue: TASK_QUEUES.lifecycle,
        args: [{ state }],
        staticSummary: `Action · ${state.title.slice(0, 120)} · owner ${state.ownerId} · due ${state.dueDate}`,
      });
    }
  }

  async update<Result, Args extends [unknown, ...unknown[]]>(actionId: string, update: UpdateDefinition<Result, Args>, args: Args, updateId?: string): Promise<Result> {
    try {
      return await this.workflows.update(sopActionWorkflowId(actionId), update, args, updateId);
    } catch (error) {
      if (!(error instanceof WorkflowCallError)) throw error;
      const { failure } = error;
      switch (failure.kind) {
        case 'refused':
          throw SopActionError.violated(failure.details as RuleViolation);
        case 'ended':
        case 'already_started':
          throw SopActionError.closed(actionId);
        case 'unavailable':
          this.logger.warn(`Temporal call for action ${actionId} failed: ${failure.message}`);
          throw SopActionError.unavailable();
      }
    }
  }
}
