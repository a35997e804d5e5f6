import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import type { QueryDefinition, SignalDefinition, UpdateDefinition, Workflow } from '@temporalio/common';
import { classifyUpdateFailure, type UpdateFailure } from './update-failure';

/** A call to a workflow that did not go through, sorted into what the caller answers with. */
export class WorkflowCallError extends Error {
  constructor(
    readonly workflowId: string,
    readonly failure: Exclude<UpdateFailure, { kind: 'other' }> | { kind: 'already_started' },
    options?: { cause: unknown },
  ) {
    super(`workflow ${workflowId}: ${failure.kind}`, options);
  }
}

export interface WorkflowGatewayOptions {
  /** The failure type the workflow's validators refuse a command with; its first detail says why. */
  refusalType: string;
  /** How long a call may wait on Temporal; an update accepted but not answered by then still completes. */
  timeoutMs: number;
}

/**
 * The one way the services call their workflows: updates, signals and
 * queries typed by the contract's definitions, each bounded in time, and
 * every failure sorted (refused, ended, unavailable) before it reaches a
 * service, which answers it in its own domain's words.
 */
export class WorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly options: WorkflowGatewayOptions,
  ) {}

  /**
   * Starts the workflow unless one of its id runs or ran (`USE_EXISTING`,
   * `REJECT_DUPLICATE`), so that a retried activity or request starts nothing
   * twice; any other failure is the caller's.
   */
  async startOnce(workflowType: string, options: WorkflowStartOptions): Promise<void> {
    try {
      await this.bounded(options.workflowId, () =>
        this.client.workflow.start(workflowType, { workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE', ...options }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowCallError && error.failure.kind === 'already_started')) throw error;
    }
  }

  update<Ret, Args extends [unknown, ...unknown[]]>(
    workflowId: string,
    definition: UpdateDefinition<Ret, Args>,
    args: Args,
    updateId?: string,
  ): Promise<Ret> {
    const handle = this.client.workflow.getHandle(workflowId);
    return this.bounded(workflowId, () => handle.executeUpdate(definition, { args, ...(updateId ? { updateId } : {}) }));
  }

  /** Starts the workflow unless it runs already, and sends it the update; a workflow that ended is `already_started`. */
  updateWithStart<Ret, W extends Workflow>(definition: UpdateDefinition<Ret, []>, workflowId: string, operation: WithStartWorkflowOperation<W>): Promise<Ret> {
    return this.bounded(workflowId, () => this.client.workflow.executeUpdateWithStart(definition, { startWorkflowOperation: operation }));
  }

  signal<Args extends unknown[]>(workflowId: string, definition: SignalDefinition<Args>, ...args: Args): Promise<void> {
    const handle = this.client.workflow.getHandle(workflowId);
    return this.bounded(workflowId, () => handle.signal(definition, ...args));
  }

  query<Ret, Args extends unknown[]>(workflowId: string, definition: QueryDefinition<Ret, Args>, ...args: Args): Promise<Ret> {
    const handle = this.client.workflow.getHandle(workflowId);
    return this.bounded(workflowId, () => handle.query(definition, ...args));
  }

  private async bounded<T>(workflowId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + this.options.timeoutMs, call);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw new WorkflowCallError(workflowId, { kind: 'already_started' }, { cause: error });
      const failure = classifyUpdateFailure(error, this.options.refusalType);
      if (failure.kind === 'other') throw error;
      throw new WorkflowCallError(workflowId, failure, { cause: error });
    }
  }
}
