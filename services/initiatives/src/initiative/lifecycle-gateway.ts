import { Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  WORKFLOW_TYPES,
  type LifecycleInput,
  type LifecycleOutcome,
} from '@tollgate/contracts';
import type { RuleViolation } from '@tollgate/domain';
import { classifyUpdateFailure } from '@tollgate/temporal';
import { InitiativeError } from './initiative.error';
import { LifecycleMetrics } from './lifecycle-metrics';

/**
 * How long a command may wait on Temporal. An update that is accepted but
 * not answered in time still completes in the workflow; the caller gets a 503
 * and a retry with the same Idempotency-Key answers the first result.
 */
export const LIFECYCLE_CALL_TIMEOUT_MS = 10_000;

type LifecycleUpdate = Exclude<(typeof LIFECYCLE)[keyof typeof LIFECYCLE], typeof LIFECYCLE.state | typeof LIFECYCLE.valueConfirmed | typeof LIFECYCLE.confirmationRejected>;

/**
 * Where the service meets the lifecycle workflows: it starts them, sends
 * them updates, and turns a refused update into the domain's answer.
 */
@Injectable()
export class LifecycleGateway {
  private readonly logger = new Logger(LifecycleGateway.name);

  constructor(
    private readonly client: Client,
    private readonly metrics: LifecycleMetrics,
  ) {}

  /**
   * Starts the lifecycle and answers once the new initiative is projected.
   * `existing` is true when the workflow was already there (a retried create).
   */
  async start(input: LifecycleInput): Promise<{ outcome: LifecycleOutcome; existing: boolean } | { existing: true; ended: true }> {
    const { state } = input;
    const operation = new WithStartWorkflowOperation(WORKFLOW_TYPES.initiativeLifecycle, {
      workflowId: initiativeWorkflowId(state.initiativeId),
      taskQueue: TASK_QUEUES.lifecycle,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A retried create must never start a second lifecycle for an initiative that ended.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.stage, value: state.stage },
        { key: SEARCH_ATTRIBUTES.status, value: state.status },
        { key: SEARCH_ATTRIBUTES.closure, value: state.closure.state },
        { key: SEARCH_ATTRIBUTES.programId, value: state.programId },
        { key: SEARCH_ATTRIBUTES.ownerId, value: state.ownerId },
      ],
    });
    try {
      const outcome = await this.client.withDeadline(Date.now() + LIFECYCLE_CALL_TIMEOUT_MS, () =>
        this.client.workflow.executeUpdateWithStart(LIFECYCLE.created, { startWorkflowOperation: operation }),
      );
      return { outcome, existing: outcome.state.code !== state.code };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { existing: true, ended: true };
      throw this.translate(error, state.initiativeId);
    }
  }

  async update<Args extends unknown[]>(
    initiativeId: string,
    update: LifecycleUpdate,
    args: Args,
    updateId?: string,
  ): Promise<LifecycleOutcome> {
    const handle = this.client.workflow.getHandle(initiativeWorkflowId(initiativeId));
    try {
      return (await this.client.withDeadline(Date.now() + LIFECYCLE_CALL_TIMEOUT_MS, () =>
        handle.executeUpdate(update as never, { args: args as never, ...(updateId ? { updateId } : {}) }),
      )) as LifecycleOutcome;
    } catch (error) {
      throw this.translate(error, initiativeId);
    }
  }

  private translate(error: unknown, initiativeId: string): Error {
    const failure = classifyUpdateFailure(error, LIFECYCLE_REFUSAL);
    switch (failure.kind) {
      case 'refused': {
        const violation = failure.details as RuleViolation;
        this.metrics.refused(violation.kind);
        return InitiativeError.violated(violation);
      }
      case 'ended':
        return InitiativeError.ended(initiativeId, 'closed or cancelled');
      case 'unavailable':
        this.logger.warn(`Temporal call for initiative ${initiativeId} failed: ${failure.message}`);
        return InitiativeError.unavailable();
      case 'other':
        return error as Error;
    }
  }
}
