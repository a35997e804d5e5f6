import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  type FinanceSignalActivities,
  type LifecycleFinanceSignal,
  type SignalDelivery,
} from '@tollgate/contracts';
import { WorkflowCallError, WorkflowGateway, type ActivityProvider } from '@tollgate/temporal';

// A signal that Temporal does not take within this long is retried later, so a
// delivery round never holds its locks for long while Temporal is away.
const SIGNAL_DEADLINE_MS = 10_000;

/**
 * Signals an initiative's lifecycle workflow, for the delivery dispatcher.
 * It is also still the `finance` queue's activity, so that delivery
 * workflows started before the dispatcher existed run to their end; that
 * part goes with the legacy `confirmationDelivery` workflow, once no run of
 * it is open (the condition is beside it in workflows/confirmation-delivery).
 */
@Injectable()
export class LifecycleSignaller implements ActivityProvider {
  private readonly workflows: WorkflowGateway;

  constructor(client: Client) {
    this.workflows = new WorkflowGateway(client, { refusalType: LIFECYCLE_REFUSAL, timeoutMs: SIGNAL_DEADLINE_MS });
  }

  activities(): FinanceSignalActivities {
    return { signalLifecycle: (signal) => this.signal(signal) };
  }

  async signal(signal: LifecycleFinanceSignal): Promise<SignalDelivery> {
    const workflowId = initiativeWorkflowId(signal.initiativeId);
    try {
      if (signal.kind === 'value_confirmed') await this.workflows.signal(workflowId, LIFECYCLE.valueConfirmed, signal.confirmation);
      else await this.workflows.signal(workflowId, LIFECYCLE.confirmationRejected, signal.rejection);
      return 'delivered';
    } catch (error) {
      // A closed or cancelled lifecycle has nothing left to hear: the ledger keeps the value.
      if (error instanceof WorkflowCallError && error.failure.kind === 'ended') return 'lifecycle_ended';
      throw error;
    }
  }
}
