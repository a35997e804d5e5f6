import type { ConfirmationRejection, ValueConfirmation } from '@tollgate/domain';

/** What the finance service hands to a lifecycle workflow: a confirmation, or a rejection of the pending closure. */
export type LifecycleFinanceSignal =
  | { initiativeId: string; kind: 'value_confirmed'; confirmation: ValueConfirmation }
  | { initiativeId: string; kind: 'confirmation_rejected'; rejection: ConfirmationRejection };

/** `delivered`, or `lifecycle_ended` when the initiative's workflow has already closed or been cancelled. */
export type SignalDelivery = 'delivered' | 'lifecycle_ended';

/** The activities of the finance service, on its own task queue. */
export interface FinanceSignalActivities {
  /** Signals the initiative's lifecycle workflow; a failure is retried by the delivery workflow. */
  signalLifecycle(signal: LifecycleFinanceSignal): Promise<SignalDelivery>;
}

/** The workflow id of a signal's delivery: one delivery per confirmation or rejection. */
export function deliveryWorkflowId(signal: LifecycleFinanceSignal): string {
  return signal.kind === 'value_confirmed'
    ? `finance-delivery-confirmation-${signal.confirmation.confirmationId}`
    : `finance-delivery-rejection-${signal.rejection.confirmationId}`;
}
