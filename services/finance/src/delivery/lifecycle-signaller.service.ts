import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { initiativeWorkflowId, LIFECYCLE, type FinanceSignalActivities, type LifecycleFinanceSignal, type SignalDelivery } from '@tollgate/contracts';
import type { ActivityProvider } from '@tollgate/temporal';

// A signal that Temporal does not take within this long is retried later, so a
// delivery round never holds its locks for long while Temporal is away.
const SIGNAL_DEADLINE_MS = 10_000;

/**
 * Signals an initiative's lifecycle workflow, for the delivery dispatcher.
 * It is also still the `finance` queue's activity, so that delivery
 * workflows started before the dispatcher existed run to their end.
 */
@Injectable()
export class LifecycleSignaller implements ActivityProvider {
  constructor(private readonly client: Client) {}

  activities(): FinanceSignalActivities {
    return { signalLifecycle: (signal) => this.signal(signal) };
  }

  async signal(signal: LifecycleFinanceSignal): Promise<SignalDelivery> {
    const handle = this.client.workflow.getHandle(initiativeWorkflowId(signal.initiativeId));
    try {
      await this.client.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () =>
        signal.kind === 'value_confirmed'
          ? handle.signal(LIFECYCLE.valueConfirmed, signal.confirmation)
          : handle.signal(LIFECYCLE.confirmationRejected, signal.rejection),
      );
      return 'delivered';
    } catch (error) {
      // A closed or cancelled lifecycle has nothing left to hear: the ledger keeps the value.
      if (error instanceof WorkflowNotFoundError) return 'lifecycle_ended';
      throw error;
    }
  }
}
