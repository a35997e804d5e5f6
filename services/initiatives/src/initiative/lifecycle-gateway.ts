import { Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  lifecycleSearchAttributes,
  TASK_QUEUES,
  WORKFLOW_TYPES,
  type LifecycleInput,
  type LifecycleOutcome,
} from '@tollgate/contracts';
import type { LifecycleState, RuleViolation } from '@tollgate/domain';
import { WorkflowCallError, WorkflowGateway } from '@tollgate/temporal';
import { InitiativeError } from './initiative.error';
import { LifecycleMetrics } from '../projection/lifecycle-metrics';

/**
 * How long a command may wait on Temporal. An update that is accepted but
 * not answered in time still completes in the workflow; the caller gets a 503
 * and a retry with the same Idempotency-Key answers the first result.
 */
export const LIFECYCLE_CALL_TIMEOUT_MS = 10_000;

/**
 * Where the service meets the lifecycle workflows: it starts them, sends
 * them updates, reads their state, and turns a refused call into the
 * domain's answer.
 */
@Injectable()
export class LifecycleGateway {
  private readonly logger = new Logger(LifecycleGateway.name);
  private readonly workflows: WorkflowGateway;

  constructor(
    client: Client,
    private readonly metrics: LifecycleMetrics,
  ) {
    this.workflows = new WorkflowGateway(client, { refusalType: LIFECYCLE_REFUSAL, timeoutMs: LIFECYCLE_CALL_TIMEOUT_MS });
  }

  /**
   * Starts the lifecycle and answers once the new initiative is projected.
   * `existing` is true when the workflow was already there (a retried create).
   */
  async start(input: LifecycleInput): Promise<{ outcome: LifecycleOutcome; existing: boolean } | { existing: true; ended: true }> {
    const { state } = input;
    const workflowId = initiativeWorkflowId(state.initiativeId);
    const operation = new WithStartWorkflowOperation(WORKFLOW_TYPES.initiativeLifecycle, {
      workflowId,
      taskQueue: TASK_QUEUES.lifecycle,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A retried create must never start a second lifecycle for an initiative that ended.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      // What an operator reads first in the Temporal UI; the workflow keeps its details current.
      staticSummary: `${state.code} · ${state.title}`,
      typedSearchAttributes: lifecycleSearchAttributes(state),
    });
    try {
      const outcome = await this.workflows.updateWithStart(LIFECYCLE.created, workflowId, operation);
      return { outcome, existing: outcome.state.code !== state.code };
    } catch (error) {
      if (error instanceof WorkflowCallError && error.failure.kind === 'already_started') return { existing: true, ended: true };
      throw this.translate(error, state.initiativeId);
    }
  }

  /** Sends a command; it answers once the change is in the workflow's history. */
  async update<Args extends [unknown, ...unknown[]]>(
    initiativeId: string,
    update: UpdateDefinition<LifecycleOutcome, Args>,
    args: Args,
    updateId?: string,
  ): Promise<LifecycleOutcome> {
    try {
      return await this.workflows.update(initiativeWorkflowId(initiativeId), update, args, updateId);
    } catch (error) {
      throw this.translate(error, initiativeId);
    }
  }

  /** The lifecycle's own state, for a read that must not wait for the projection. */
  async state(initiativeId: string): Promise<LifecycleState> {
    try {
      return await this.workflows.query(initiativeWorkflowId(initiativeId), LIFECYCLE.state);
    } catch (error) {
      throw this.translate(error, initiativeId);
    }
  }

  private translate(error: unknown, initiativeId: string): Error {
    if (!(error instanceof WorkflowCallError)) return error as Error;
    const { failure } = error;
    switch (failure.kind) {
      case 'refused': {
        const violation = failure.details as RuleViolation;
        this.metrics.refused(violation.kind);
        return InitiativeError.violated(violation);
      }
      case 'ended':
      case 'already_started':
        return InitiativeError.ended(initiativeId, 'closed or cancelled');
      case 'unavailable':
        this.logger.warn(`Temporal call for initiative ${initiativeId} failed: ${failure.message}`);
        return InitiativeError.unavailable();
    }
  }
}
