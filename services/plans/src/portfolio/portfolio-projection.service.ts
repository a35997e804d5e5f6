import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { TOPICS, type EventEnvelope } from '@tollgate/contracts';
import { EventConsumers } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { EntityManager } from 'typeorm';
import { PortfolioConfirmation } from './portfolio-confirmation.entity';
import { PortfolioInitiative } from './portfolio-initiative.entity';

/**
 * The portfolio read model, fed by the initiatives and finance events. It is
 * idempotent (the consumer's inbox) and replayable: a new consumer group
 * reading both topics from the beginning rebuilds the same rows.
 */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-plans.portfolio`,
      topics: [TOPICS.initiativesEvents, TOPICS.financeEvents],
      accepts: [
        'initiative.created',
        'initiative.plan-revised',
        'initiative.stage-changed',
        'initiative.forecast-updated',
        'initiative.status-changed',
        'initiative.closed',
        'finance.value-confirmed',
      ],
      apply: (event, manager) => this.apply(event, manager),
    });
  }

  private async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'initiative.created': {
        const { initiativeId, programId, stage, status, currency, plannedValue } = event.data;
        await manager.upsert(PortfolioInitiative, { initiativeId, programId, stage, status, currency, planned: plannedValue, forecast: 0 }, ['initiativeId']);
        return;
      }
      case 'finance.value-confirmed': {
        const { confirmationId, initiativeId, amount, currency } = event.data;
        await manager.createQueryBuilder().insert().into(PortfolioConfirmation).values({ confirmationId, initiativeId, amount, currency }).orIgnore().execute();
        return;
      }
    }
    const initiativeId = (event.data as { initiativeId: string }).initiativeId;
    const known = await manager.findOne(PortfolioInitiative, { where: { initiativeId }, lock: { mode: 'pessimistic_write' } });
    // Events of an initiative arrive after its creation (one key, one partition); an unknown one was created before this model existed.
    if (!known) return;
    switch (event.type) {
      case 'initiative.plan-revised':
        known.planned = event.data.plannedValue;
        break;
      case 'initiative.stage-changed':
        Object.assign(known, { stage: event.data.toStage, status: event.data.status, planned: event.data.plannedValue, forecast: event.data.forecastValue });
        break;
      case 'initiative.forecast-updated':
        known.forecast = event.data.forecastValue;
        break;
      case 'initiative.status-changed':
        known.status = event.data.status;
        break;
      case 'initiative.closed':
        Object.assign(known, { stage: 5, status: 'closed' });
        break;
    }
    await manager.save(known);
  }
}
