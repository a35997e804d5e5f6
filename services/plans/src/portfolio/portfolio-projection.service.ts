import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@tollgate/config';
import { projectionConsumer, type EventEnvelope } from '@tollgate/contracts';
import { implementedAtAfter, periodValues, withForecasts, type PeriodAmount, type PeriodValue } from '@tollgate/domain';
import { EventConsumers, type IdempotentConsumerOptions } from '@tollgate/messaging';
import { SERVICE_CONFIG } from '@tollgate/platform';
import type { EntityManager } from 'typeorm';
import { PortfolioConfirmation } from './portfolio-confirmation.entity';
import { PortfolioInitiative } from './portfolio-initiative.entity';
import { PortfolioMeasure } from './portfolio-measure.entity';
import { PortfolioPeriodValue } from './portfolio-period-value.entity';
import { addToTotals, cellsOfInitiative, totalsDifference } from './portfolio-value-totals';

/** The advisory lock space of the portfolio projection's initiatives ('port'), apart from other services' locks in the same database. */
const PORTFOLIO_LOCKS = 0x706f7274;

/**
 * The portfolio read model, fed by the initiatives and finance events. It is
 * idempotent (the consumer's inbox) and replayable: a new consumer group
 * reading both topics from the beginning rebuilds the same rows, because each
 * event rewrites what it carries rather than adding to it.
 */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this.consumerOptions(`${this.config.kafka.groupPrefix}-plans.portfolio`));
  }

  /** What the live consumer group runs; a rebuild runs the same under a group of its own. */
  consumerOptions(groupId: string): IdempotentConsumerOptions {
    return {
      groupId,
      // What the AsyncAPI documents say this projection reads and applies.
      ...projectionConsumer('plans', 'portfolio'),
      apply: (event, manager) => this.applyKeepingTotals(event, manager),
    };
  }

  /**
   * Applies the event, and adds what it changed in the initiative's cells to
   * the per-program totals, in the same transaction: the totals never
   * disagree with the rows they sum.
   */
  private async applyKeepingTotals(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const initiativeId = (event.data as { initiativeId: string }).initiativeId;
    // Locked first, by id rather than by row: a confirmation may arrive (on finance's topic) while its initiative's
    // creation is being applied, before the row exists. The second waits and reads the cells the first left.
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [PORTFOLIO_LOCKS, initiativeId]);
    const before = await cellsOfInitiative(manager, initiativeId);
    await this.apply(event, manager);
    await addToTotals(manager, totalsDifference(before, await cellsOfInitiative(manager, initiativeId)));
  }

  private async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'initiative.created': {
        const { initiativeId, programId, stage, status, currency, plannedValue, title, ownerId, sponsorId, measures } = event.data;
        await manager.upsert(
          PortfolioInitiative,
          {
            initiativeId,
            programId,
            stage,
            status,
            currency,
            planned: plannedValue,
            forecast: 0,
            title: title.slice(0, 200),
            ownerId,
            sponsorId,
            implementedAt: null,
            closedAt: null,
          },
          ['initiativeId'],
        );
        await this.rewritePeriods(manager, initiativeId, periodValues(measures));
        await this.rewriteMeasures(manager, initiativeId, measures);
        return;
      }
      case 'finance.value-confirmed': {
        const { confirmationId, initiativeId, amount, currency, period } = event.data;
        await manager.createQueryBuilder().insert().into(PortfolioConfirmation).values({ confirmationId, initiativeId, amount, currency, period }).orIgnore().execute();
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
        await this.rewritePeriods(manager, initiativeId, periodValues(event.data.measures));
        await this.rewriteMeasures(manager, initiativeId, event.data.measures);
        break;
      case 'initiative.stage-changed': {
        const { fromStage, toStage } = event.data;
        const implementedAt = implementedAtAfter(known.implementedAt?.toISOString() ?? null, { fromStage, toStage, time: event.time });
        Object.assign(known, {
          // A gate approved, a rollback or the closure: no request of the stage left behind still waits.
          waitingGate: null,
          stage: toStage,
          status: event.data.status,
          planned: event.data.plannedValue,
          forecast: event.data.forecastValue,
          implementedAt: implementedAt === null ? null : new Date(implementedAt),
          closedAt: toStage < 5 ? null : known.closedAt,
        });
        await this.rewritePeriods(manager, initiativeId, periodValues(event.data.measures));
        await this.rewriteMeasures(manager, initiativeId, event.data.measures);
        break;
      }
      case 'initiative.forecast-updated': {
        known.forecast = event.data.forecastValue;
        const current = await manager.find(PortfolioPeriodValue, { where: { initiativeId } });
        await this.rewritePeriods(manager, initiativeId, withForecasts(current, event.data.measures));
        // The update names each measure and its forecast, not its name: the names stay as they were.
        await manager.query(
          `UPDATE plans.portfolio_measure measure SET forecast_values = updated.forecast_values
             FROM jsonb_to_recordset($2::jsonb) AS updated(measure_id text, forecast_values jsonb)
            WHERE measure.initiative_id = $1 AND measure.measure_id = updated.measure_id`,
          [initiativeId, JSON.stringify(event.data.measures.map((measure) => ({ measure_id: measure.measureId, forecast_values: measure.forecastValues })))],
        );
        break;
      }
      case 'initiative.status-changed':
        known.status = event.data.status;
        // Back on track (or on hold, closed): the late milestone is no longer what the initiative is about.
        if (event.data.status !== 'escalated') known.escalation = null;
        // A cancelled initiative's pending request is withdrawn.
        if (event.data.status === 'cancelled') known.waitingGate = null;
        break;
      case 'initiative.gate-requested': {
        const { gateRequestId, targetStage, submittedAt, keys, controllerId } = event.data;
        known.waitingGate = { gateRequestId, targetStage, submittedAt, keys, controllerId };
        break;
      }
      case 'initiative.gate-key-given':
        if (known.waitingGate?.gateRequestId === event.data.gateRequestId) known.waitingGate = { ...known.waitingGate, keys: event.data.keysLeft };
        break;
      case 'initiative.gate-rejected':
        if (known.waitingGate?.gateRequestId === event.data.gateRequestId) known.waitingGate = null;
        break;
      case 'initiative.escalated': {
        const { milestoneId, title, dueDate, level } = event.data;
        known.escalation = { milestoneId, title, dueDate, level };
        known.status = event.data.status;
        break;
      }
      case 'initiative.closed':
        // Stage and status came with the stage change just before, in the same change.
        known.closedAt = new Date(event.data.closedAt);
        break;
    }
    await manager.save(known);
  }

  /** The measures as an event that carries them all says: one removed by a plan revision goes. */
  private async rewriteMeasures(manager: EntityManager, initiativeId: string, measures: readonly { measureId: string; name: string; forecastValues: PeriodAmount[] }[]): Promise<void> {
    await manager.delete(PortfolioMeasure, { initiativeId });
    if (measures.length > 0) {
      await manager.insert(
        PortfolioMeasure,
        measures.map((measure) => ({ initiativeId, measureId: measure.measureId, name: measure.name.slice(0, 200), forecastValues: measure.forecastValues })),
      );
    }
  }

  private async rewritePeriods(manager: EntityManager, initiativeId: string, values: PeriodValue[]): Promise<void> {
    await manager.delete(PortfolioPeriodValue, { initiativeId });
    if (values.length > 0) await manager.insert(PortfolioPeriodValue, values.map((value) => ({ initiativeId, ...value })));
  }
}
