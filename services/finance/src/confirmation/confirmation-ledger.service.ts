import { Injectable } from '@nestjs/common';
import { TOPICS, type LifecycleFinanceSignal } from '@tollgate/contracts';
import { checkConfirmation, forbidden, type ValueConfirmation } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import type { EntityManager } from 'typeorm';
import { LifecycleDelivery } from '../delivery/lifecycle-delivery.entity';
import { LifecycleDeliveryDispatcher } from '../delivery/lifecycle-delivery-dispatcher.service';
import { LedgerInitiative } from '../ledger/ledger-initiative.entity';
import { ClosureRejection } from './closure-rejection.entity';
import { Confirmation } from './confirmation.entity';
import { ConfirmationError } from './confirmation.error';

export type ConfirmationInput = Omit<ValueConfirmation, 'confirmedAt'> & { confirmedAt?: string; initiativeId: string };

export interface RejectionInput {
  rejectionId: string;
  initiativeId: string;
  controllerId: string;
  reason: string;
}

/**
 * Writes confirmations and closure rejections into the ledger with their
 * events, whichever way they arrive; the caller owns the transaction. The
 * same id again answers the first result and changes nothing.
 */
@Injectable()
export class ConfirmationLedger {
  constructor(
    private readonly relay: OutboxRelayHost,
    private readonly dispatcher: LifecycleDeliveryDispatcher,
  ) {}

  async confirm(manager: EntityManager, input: ConfirmationInput, source: 'api' | 'erp'): Promise<{ confirmation: Confirmation; created: boolean }> {
    const existing = await manager.findOneBy(Confirmation, { confirmationId: input.confirmationId });
    if (existing) {
      const same = existing.initiativeId === input.initiativeId && existing.period === input.period && existing.amount === input.amount && existing.currency === input.currency;
      if (!same) throw ConfirmationError.reused(`confirmationId ${input.confirmationId}`);
      return { confirmation: existing, created: false };
    }
    const initiative = await manager.findOneBy(LedgerInitiative, { initiativeId: input.initiativeId });
    if (!initiative) throw ConfirmationError.unknownInitiative(input.initiativeId);
    const confirmedAt = input.confirmedAt ?? new Date().toISOString();
    const violation = checkConfirmation({ ...input, confirmedAt }, initiative);
    if (violation) throw ConfirmationError.violated(violation);
    // Inserted, not saved: two concurrent deliveries of one id collide on the key instead of both passing.
    await manager.insert(Confirmation, {
      confirmationId: input.confirmationId,
      initiativeId: input.initiativeId,
      period: input.period,
      amount: input.amount,
      currency: input.currency,
      reference: input.reference,
      controllerId: input.controllerId,
      source,
      confirmedAt: new Date(confirmedAt),
    });
    const { initiativeId, confirmationId, period, amount, currency, reference, controllerId } = input;
    await owe(manager, {
      initiativeId,
      kind: 'value_confirmed',
      confirmation: { confirmationId, period, amount, currency, reference, controllerId, confirmedAt },
    }, confirmationId);
    await enqueueEvent(manager, TOPICS.financeEvents, {
      type: 'finance.value-confirmed',
      source: 'tollgate/finance',
      subject: input.initiativeId,
      data: { ...input, confirmedAt, source },
    });
    return { confirmation: (await manager.findOneByOrFail(Confirmation, { confirmationId: input.confirmationId })), created: true };
  }

  async reject(manager: EntityManager, input: RejectionInput): Promise<{ rejection: ClosureRejection; created: boolean }> {
    const existing = await manager.findOneBy(ClosureRejection, { rejectionId: input.rejectionId });
    if (existing) {
      if (existing.initiativeId !== input.initiativeId) throw ConfirmationError.reused(`rejectionId ${input.rejectionId}`);
      return { rejection: existing, created: false };
    }
    const initiative = await manager.findOneBy(LedgerInitiative, { initiativeId: input.initiativeId });
    if (!initiative) throw ConfirmationError.unknownInitiative(input.initiativeId);
    if (input.controllerId === initiative.ownerId || input.controllerId === initiative.sponsorId) {
      throw ConfirmationError.violated(forbidden('rejecting a closure requires a controller who neither owns nor sponsors the initiative'));
    }
    if (initiative.closureState !== 'pending_confirmation') throw ConfirmationError.noPendingClosure(input.initiativeId, initiative.closureState);
    const rejectedAt = new Date().toISOString();
    await manager.insert(ClosureRejection, { ...input, rejectedAt: new Date(rejectedAt) });
    await owe(manager, {
      initiativeId: input.initiativeId,
      kind: 'confirmation_rejected',
      rejection: { confirmationId: input.rejectionId, controllerId: input.controllerId, reason: input.reason, rejectedAt },
    }, input.rejectionId);
    await enqueueEvent(manager, TOPICS.financeEvents, {
      type: 'finance.confirmation-rejected',
      source: 'tollgate/finance',
      subject: input.initiativeId,
      data: { ...input, rejectedAt },
    });
    return { rejection: await manager.findOneByOrFail(ClosureRejection, { rejectionId: input.rejectionId }), created: true };
  }

  /** Publishes and delivers what was just committed without waiting for the next poll. */
  published(): void {
    this.relay.relay.nudge();
    this.dispatcher.nudge();
  }
}

// In the transaction that records it: what commits is owed to the lifecycle, and nothing else is.
async function owe(manager: EntityManager, signal: LifecycleFinanceSignal, recordId: string): Promise<void> {
  const now = new Date();
  await manager.insert(LifecycleDelivery, { initiativeId: signal.initiativeId, kind: signal.kind, recordId, signal, recordedAt: now, nextAttemptAt: now });
}
