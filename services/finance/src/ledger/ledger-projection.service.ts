import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { projectionConsumer, type EventData, type EventEnvelope } from '@tollgate/contracts';
import { EventConsumers, UnprocessableEventError } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { EntityManager } from 'typeorm';
import { LedgerInitiative } from './ledger-initiative.entity';
import { MeasureValue } from './measure-value.entity';

type MeasureValues = EventData<'initiative.created'>['measures'];

/**
 * Keeps the ledger's planned and forecast values and what finance needs to
 * know of each initiative (parties, currency, stage, closure) current from
 * the initiatives service's events. One initiative's events arrive in order.
 */
@Injectable()
export class LedgerProjection implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      groupId: `${this.config.kafka.groupPrefix}-finance.ledger`,
      // What the AsyncAPI documents say this projection reads and applies.
      ...projectionConsumer('finance', 'ledger'),
      apply: (event, manager) => this.apply(event, manager),
    });
  }

  private async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type === 'initiative.created') {
      const data = event.data;
      await manager.upsert(
        LedgerInitiative,
        {
          initiativeId: data.initiativeId,
          code: data.code,
          title: data.title.slice(0, 200),
          programId: data.programId,
          ownerId: data.ownerId,
          sponsorId: data.sponsorId,
          controllerId: data.controllerId,
          currency: data.currency,
          stage: data.stage,
          status: data.status,
          closureState: 'none',
          baselineFrozen: false,
          updatedAt: new Date(event.time),
        },
        ['initiativeId'],
      );
      await this.replaceMeasures(manager, data.initiativeId, data.measures);
      return;
    }
    const initiativeId = (event.data as { initiativeId: string }).initiativeId;
    const known = await manager.findOne(LedgerInitiative, { where: { initiativeId }, lock: { mode: 'pessimistic_write' } });
    if (!known) throw new UnprocessableEventError(`unknown initiative ${initiativeId}: its initiative.created was never seen`);
    known.updatedAt = new Date(event.time);
    switch (event.type) {
      case 'initiative.plan-revised':
        known.controllerId = event.data.controllerId;
        await this.replaceMeasures(manager, initiativeId, event.data.measures);
        break;
      case 'initiative.stage-changed':
        known.stage = event.data.toStage;
        known.status = event.data.status;
        known.baselineFrozen = event.data.baselineFrozen;
        // Events recorded before stage changes carried the closure leave it as it was.
        if (event.data.closure) known.closureState = event.data.closure;
        await this.replaceMeasures(manager, initiativeId, event.data.measures);
        break;
      case 'initiative.forecast-updated':
        for (const measure of event.data.measures) {
          await manager.update(MeasureValue, { initiativeId, measureId: measure.measureId }, { forecast: 0 });
          for (const value of measure.forecastValues) {
            await manager
              .createQueryBuilder()
              .insert()
              .into(MeasureValue)
              .values({ initiativeId, measureId: measure.measureId, period: value.period, measureName: '', planned: 0, forecast: value.amount })
              .orUpdate(['forecast'], ['initiative_id', 'measure_id', 'period'])
              .execute();
          }
        }
        break;
      case 'initiative.status-changed':
        known.status = event.data.status;
        break;
      case 'initiative.closure-requested':
        known.closureState = event.data.closure;
        break;
      case 'initiative.closure-rejected':
        known.closureState = 'rejected';
        break;
      case 'initiative.closed':
        // Stage and status came with the stage change just before, in the same change.
        known.closureState = 'closed';
        break;
    }
    await manager.save(known);
  }

  private async replaceMeasures(manager: EntityManager, initiativeId: string, measures: MeasureValues): Promise<void> {
    await manager.delete(MeasureValue, { initiativeId });
    const rows = new Map<string, MeasureValue>();
    for (const measure of measures) {
      const row = (period: string) => {
        const key = `${measure.measureId}|${period}`;
        let found = rows.get(key);
        if (!found) {
          found = manager.create(MeasureValue, { initiativeId, measureId: measure.measureId, period, measureName: measure.name.slice(0, 200), planned: 0, forecast: 0 });
          rows.set(key, found);
        }
        return found;
      };
      for (const value of measure.plannedValues) row(value.period).planned = value.amount;
      for (const value of measure.forecastValues) row(value.period).forecast = value.amount;
    }
    if (rows.size > 0) await manager.insert(MeasureValue, [...rows.values()]);
  }
}
