import { Injectable } from '@nestjs/common';
import { TOPICS, type LifecycleFinanceSignal } from '@tollgate/contracts';
import { checkConfirmation, confirmerProblem, type ValueConfirmation } from '@tollgate/domain';
import { enqueueEvent, enqueueEvents, insertAsColumnArrays, OutboxRelayHost } from '@tollgate/messaging';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { LifecycleDelivery } from '../delivery/lifecycle-delivery.entity';
import { LifecycleDeliveryDispatcher } from '../delivery/lifecycle-delivery-dispatcher.service';
import { LedgerInitiative } from '../ledger/ledger-initiative.entity';
import { ClosureRejection } from './closure-rejection.entity';
import { Confirmation } from './confirmation.entity';
import { ConfirmationError } from './confirmation.error';

export type ConfirmationInput = Omit<ValueConfirmation, 'confirmedAt'> & { confirmedAt?: string; initiativeId: string };

/** One confirmation's answer: recorded now, recorded before under its id, or refused. */
export type ConfirmationResult = { ok: true; confirmation: Confirmation; created: boolean } | { ok: false; error: ConfirmationError };

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
    const [result] = await this.confirmAll(manager, [input], source);
    if (!result.ok) throw result.error;
    return result;
  }

  /**
   * Confirmations in this order, in the caller's one transaction: two reads
   * and one insert per table for them all, each with an answer of its own, as
   * if it had come alone. A month-end of an ERP arrives this way.
   */
  async confirmAll(manager: EntityManager, inputs: readonly ConfirmationInput[], source: 'api' | 'erp'): Promise<ConfirmationResult[]> {
    if (inputs.length === 0) return [];
    const recorded = new Map(
      (await whereIdIn(manager, Confirmation, 'confirmationId', inputs.map((input) => input.confirmationId))).map((found) => [found.confirmationId, found]),
    );
    const initiatives = new Map(
      (await whereIdIn(manager, LedgerInitiative, 'initiativeId', inputs.map((input) => input.initiativeId))).map((found) => [found.initiativeId, found]),
    );
    const now = new Date();
    const created: Confirmation[] = [];
    const results = inputs.map((input): ConfirmationResult => {
      const existing = recorded.get(input.confirmationId);
      if (existing) {
        return isSameConfirmation(existing, input)
          ? { ok: true, confirmation: existing, created: false }
          : { ok: false, error: ConfirmationError.reused(`confirmationId ${input.confirmationId}`) };
      }
      const initiative = initiatives.get(input.initiativeId);
      if (!initiative) return { ok: false, error: ConfirmationError.unknownInitiative(input.initiativeId) };
      const confirmedAt = input.confirmedAt ?? now.toISOString();
      const violation = checkConfirmation({ ...input, confirmedAt }, initiative);
      if (violation) return { ok: false, error: ConfirmationError.violated(violation) };
      const confirmation = manager.create(Confirmation, {
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
      // A later copy in the same batch is this confirmation again, or the id reused.
      recorded.set(confirmation.confirmationId, confirmation);
      created.push(confirmation);
      return { ok: true, confirmation, created: true };
    });
    if (created.length === 0) return results;
    // Inserted, not saved: two concurrent deliveries of one id collide on the key instead of both passing.
    await insertAsColumnArrays(manager, Confirmation, created);
    // As the lifecycle and the event tell it: the instant in ISO-8601.
    const told = created.map(({ initiativeId, confirmationId, period, amount, currency, reference, controllerId, confirmedAt }) => ({
      initiativeId,
      confirmation: { confirmationId, period, amount, currency, reference, controllerId, confirmedAt: confirmedAt.toISOString() },
    }));
    await owe(
      manager,
      told.map(({ initiativeId, confirmation }) => ({ initiativeId, kind: 'value_confirmed', recordId: confirmation.confirmationId, confirmation })),
      now,
    );
    await enqueueEvents(
      manager,
      TOPICS.financeEvents,
      told.map(({ initiativeId, confirmation }) => ({
        type: 'finance.value-confirmed' as const,
        source: 'tollgate/finance',
        subject: initiativeId,
        data: { ...confirmation, initiativeId, source },
      })),
    );
    return results;
  }

  async reject(manager: EntityManager, input: RejectionInput): Promise<{ rejection: ClosureRejection; created: boolean }> {
    const existing = await manager.findOneBy(ClosureRejection, { rejectionId: input.rejectionId });
    if (existing) {
      if (existing.initiativeId !== input.initiativeId) throw ConfirmationError.reused(`rejectionId ${input.rejectionId}`);
      return { rejection: existing, created: false };
    }
    const initiative = await manager.findOneBy(LedgerInitiative, { initiativeId: input.initiativeId });
    if (!initiative) throw ConfirmationError.unknownInitiative(input.initiativeId);
    const independence = confirmerProblem(input.controllerId, initiative, 'rejecting a closure');
    if (independence) throw ConfirmationError.violated(independence);
    if (initiative.closureState !== 'pending_confirmation') throw ConfirmationError.noPendingClosure(input.initiativeId, initiative.closureState);
    const rejectedAt = new Date().toISOString();
    await manager.insert(ClosureRejection, { ...input, rejectedAt: new Date(rejectedAt) });
    await owe(manager, [{
      initiativeId: input.initiativeId,
      kind: 'confirmation_rejected',
      recordId: input.rejectionId,
      rejection: { confirmationId: input.rejectionId, controllerId: input.controllerId, reason: input.reason, rejectedAt },
    }], new Date(rejectedAt));
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

/** The rows whose id is one of these, read with one array parameter rather than one parameter per id. */
function whereIdIn<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>, idProperty: keyof E & string, ids: readonly string[]): Promise<E[]> {
  return manager
    .createQueryBuilder(entity, 'row')
    .where(`row.${idProperty} = ANY(:ids)`, { ids: [...new Set(ids)] })
    .getMany();
}

function isSameConfirmation(recorded: Confirmation, input: ConfirmationInput): boolean {
  return recorded.initiativeId === input.initiativeId && recorded.period === input.period && recorded.amount === input.amount && recorded.currency === input.currency;
}

// In the transaction that records them: what commits is owed to the lifecycle, and nothing else is.
async function owe(manager: EntityManager, signals: readonly (LifecycleFinanceSignal & { recordId: string })[], now: Date): Promise<void> {
  await insertAsColumnArrays(
    manager,
    LifecycleDelivery,
    signals.map(({ recordId, ...signal }) => ({ initiativeId: signal.initiativeId, kind: signal.kind, recordId, signal, recordedAt: now, nextAttemptAt: now })),
  );
}
