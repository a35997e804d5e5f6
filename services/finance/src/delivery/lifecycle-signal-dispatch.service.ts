import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { ServiceConfig } from '@tollgate/config';
import {
  deliveryWorkflowId,
  TASK_QUEUES,
  TOPICS,
  WORKFLOW_TYPES,
  type EventEnvelope,
  type LifecycleFinanceSignal,
} from '@tollgate/contracts';
import { EventConsumers } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';

/**
 * Turns each applied confirmation or rejection, as announced on this
 * service's own topic, into a delivery workflow that signals the initiative.
 * The event is the durable trigger: while Temporal is away the consumer
 * retries, so a signal is delayed, never dropped.
 */
@Injectable()
export class LifecycleSignalDispatch implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly client: Client,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-finance.lifecycle-signals`,
      topics: [TOPICS.financeEvents],
      accepts: ['finance.value-confirmed', 'finance.confirmation-rejected'],
      apply: (event) => this.dispatch(event),
    });
  }

  private async dispatch(event: EventEnvelope): Promise<void> {
    const signal = signalOf(event);
    if (!signal) return;
    try {
      await this.client.workflow.start(WORKFLOW_TYPES.confirmationDelivery, {
        taskQueue: TASK_QUEUES.lifecycle,
        workflowId: deliveryWorkflowId(signal),
        args: [signal],
      });
    } catch (error) {
      // A redelivered event finds its delivery already under way.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}

function signalOf(event: EventEnvelope): LifecycleFinanceSignal | undefined {
  if (event.type === 'finance.value-confirmed') {
    const { initiativeId, confirmationId, period, amount, currency, reference, controllerId, confirmedAt } = event.data;
    return {
      initiativeId,
      kind: 'value_confirmed',
      confirmation: { confirmationId, period, amount, currency, reference, controllerId, confirmedAt: confirmedAt ?? event.time },
    };
  }
  if (event.type === 'finance.confirmation-rejected') {
    const { initiativeId, rejectionId, controllerId, reason, rejectedAt } = event.data;
    return { initiativeId, kind: 'confirmation_rejected', rejection: { confirmationId: rejectionId, controllerId, reason, rejectedAt } };
  }
  return undefined;
}
