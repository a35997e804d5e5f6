import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { FINANCE_SIGNATURE_HEADER, TOPICS, type EventEnvelope } from '@tollgate/contracts';
import { EventConsumers, hmacSignatureProblem, UnprocessableEventError } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { EntityManager } from 'typeorm';
import type { FinanceConfig } from '../config/finance.config';
import { ConfirmationError } from './confirmation.error';
import { ConfirmationLedger } from './confirmation-ledger.service';

/**
 * Confirmations from finance systems on `finance.value-confirmations`: the
 * signature, the envelope and the data are checked, then the same rules as
 * over REST. What fails goes to the dead-letter topic with its reason; what
 * passes is applied once, however often it is delivered.
 */
@Injectable()
export class ErpConfirmationIntake implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly ledger: ConfirmationLedger,
    @Inject(SERVICE_CONFIG) private readonly config: FinanceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-finance.inbound-confirmations`,
      topics: [TOPICS.financeValueConfirmations],
      accepts: ['finance.value-confirmed'],
      origin: { inbound: (message) => hmacSignatureProblem(message.value, message.headers?.[FINANCE_SIGNATURE_HEADER] as Buffer | undefined, this.config.inbound.hmacSecret) },
      apply: (event, manager) => this.apply(event, manager),
      // A month-end arrives in batches: each batch is read and written with a few statements in one transaction.
      applyBatch: (events, manager) => this.applyAll(events, manager),
      // After the commit: publish the confirmation's event at once rather than at the relay's next poll.
      onOutcome: (outcome) => outcome === 'applied' && this.ledger.published(),
    });
  }

  private async applyAll(events: readonly EventEnvelope[], manager: EntityManager): Promise<ReadonlyMap<string, string>> {
    const confirmations = events.filter((event): event is EventEnvelope<'finance.value-confirmed'> => event.type === 'finance.value-confirmed');
    const results = await this.ledger.confirmAll(manager, confirmations.map((event) => event.data), 'erp');
    return new Map(results.flatMap((result, index) => (result.ok ? [] : [[confirmations[index].id, refusalOf(result.error)]])));
  }

  private async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type !== 'finance.value-confirmed') return;
    try {
      await this.ledger.confirm(manager, event.data, 'erp');
    } catch (error) {
      if (error instanceof ConfirmationError) throw new UnprocessableEventError(refusalOf(error));
      throw error;
    }
  }
}

/** A refusal as the dead-letter topic tells it: the stable code, then the message. */
function refusalOf(error: ConfirmationError): string {
  return `${error.code}: ${error.message}`;
}
