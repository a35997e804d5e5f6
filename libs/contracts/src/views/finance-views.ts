import type { LedgerPeriod, LedgerTotals, RealizationFigures } from '@tollgate/domain';
import type { SignalDelivery } from '../confirmation-delivery';

// The answers of the finance service about one initiative; money in minor units.

/** `GET /api/initiatives/:id/ledger`: planned, forecast and confirmed value per period, with the realization figures. */
export interface InitiativeLedgerView {
  initiativeId: string;
  code: string;
  currency: string;
  stage: number;
  closure: { state: string };
  baselineFrozen: boolean;
  periods: LedgerPeriod[];
  totals: LedgerTotals;
  realization: RealizationFigures;
}

/** Realized value a controller (`source: 'api'`) or the finance system (`'erp'`) confirmed. */
export interface ConfirmationView {
  confirmationId: string;
  initiativeId: string;
  period: string;
  amount: number;
  currency: string;
  reference: string;
  controllerId: string;
  source: 'api' | 'erp';
  confirmedAt: string;
}

/** When a confirmation reached the initiative's lifecycle: `pending` until then. */
export interface ConfirmationDeliveryView {
  state: SignalDelivery | 'pending';
  deliveredAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** `GET /api/initiatives/:id/confirmations`: newest period first. */
export interface InitiativeConfirmationsView {
  initiativeId: string;
  confirmations: Array<ConfirmationView & { delivery: ConfirmationDeliveryView | null }>;
}
