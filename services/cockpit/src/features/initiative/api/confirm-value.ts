import type { ConfirmationView } from '@tollgate/contracts/views';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** A confirmation of realized value, in minor units, with the ledger's reference; its id makes a retried click confirm once. */
export type ValueConfirmationInput = Pick<ConfirmationView, 'confirmationId' | 'initiativeId' | 'period' | 'amount' | 'currency' | 'reference'>;

/** `POST /api/confirmations` (finance): a controller confirms realized value. */
export function confirmValue(confirmation: ValueConfirmationInput): Promise<unknown> {
  return call('finance', '/api/confirmations', { method: 'POST', body: confirmation });
}

export function useConfirmValue(onDone: () => void) {
  return useMutation({ mutationFn: confirmValue, onSuccess: onDone });
}
