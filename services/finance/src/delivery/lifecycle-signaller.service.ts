import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { initiativeWorkflowId, LIFECYCLE, type FinanceSignalActivities, type LifecycleFinanceSignal, type SignalDelivery } from '@tollgate/contracts';
import type { ActivityProvider } from '@tollgate/temporal';

/** The activity that signals an initiative's lifecycle workflow; any other failure is retried by the delivery workflow. */
@Injectable()
export class LifecycleSignaller implements ActivityProvider {
  constructor(private readonly client: Client) {}

  activities(): FinanceSignalActivities {
    return { signalLifecycle: (signal) => this.signal(signal) };
  }

  async signal(signal: LifecycleFinanceSignal): Promise<SignalDelivery> {
    const handle = this.client.workflow.getHandle(initiativeWorkflowId(signal.initiativeId));
    try {
      if (signal.kind === 'value_confirmed') await handle.signal(LIFECYCLE.valueConfirmed, signal.confirmation);
      else await handle.signal(LIFECYCLE.confirmationRejected, signal.rejection);
      return 'delivered';
    } catch (error) {
      // A closed or cancelled lifecycle has nothing left to hear: the ledger keeps the value.
      if (error instanceof WorkflowNotFoundError) return 'lifecycle_ended';
      throw error;
    }
  }
}
