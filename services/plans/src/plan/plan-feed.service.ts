import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EventEnvelope } from '@tollgate/contracts';
import { feedNodeProblem, repeatedPlanCells, type FeedSource, type PlanCell as PlanFigure } from '@tollgate/domain';
import { UnprocessableEventError } from '@tollgate/messaging';
import { FeedIntake } from '@tollgate/feeds';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { nodeLineage } from '../org-node/node-lineage';
import { PlanActual } from './plan-actual.entity';
import { lockNodePlans, writeCells } from './plan-cells';
import { Plan } from './plan.entity';
import { PlanService } from './plan.service';

type PlanFeedType = 'sales.demand-actuals' | 'sales.demand-forecast' | 'operations.capacity-plan';
type PlanFeedEvent = EventEnvelope<PlanFeedType>;

/** Who wrote a figure that came in on a feed: the registered source, as the plans' `createdBy` and the actuals' `postedBy` say it. */
export function feedAuthor(source: FeedSource): string {
  return `feed:${source.name}`;
}

/**
 * The sales and operations feeds: actual demand, forecast demand and planned
 * capacity, each for a node its source is registered for (the node or one
 * under it). Figures land exactly as `POST .../actuals` and `PUT .../plan`
 * (or the scenario's `PUT`) would write them; a batch of messages is written
 * in one transaction, and a message refused for its node or scenario goes to
 * the dead-letter topic alone.
 */
@Injectable()
export class PlanFeedService implements OnModuleInit {
  constructor(
    private readonly intake: FeedIntake,
    private readonly plans: PlanService,
  ) {}

  onModuleInit(): void {
    for (const type of ['sales.demand-actuals', 'sales.demand-forecast', 'operations.capacity-plan'] as const) {
      this.intake.open(type, {
        apply: async (event, source, manager) => {
          const refusals = await this.applyAll([{ event, source }], manager);
          const reason = refusals.get(event.id);
          if (reason) throw new UnprocessableEventError(reason);
        },
        applyBatch: (events, manager) => this.applyAll(events, manager),
      });
    }
  }

  /** Checks every event first, then writes the accepted ones in order; answers the refused by event id. */
  async applyAll(events: readonly { event: PlanFeedEvent; source: FeedSource }[], manager: EntityManager): Promise<Map<string, string>> {
    const nodes = [...new Set(events.map(({ event }) => event.data.orgNodeId))].filter((id) => isUUID(id)).sort();
    // Every node of the batch locked in one order: another batch, or an edit over the API, waits rather than deadlocks.
    for (const nodeId of nodes) await lockNodePlans(manager, nodeId);
    const lineages = new Map<string, string[]>();
    for (const nodeId of nodes) lineages.set(nodeId, await nodeLineage(manager, nodeId));
    const refusals = new Map<string, string>();
    for (const { event, source } of events) {
      const reason = await this.refusal(manager, event, source, lineages.get(event.data.orgNodeId) ?? []);
      if (reason) {
        refusals.set(event.id, reason);
        continue;
      }
      await this.write(manager, event, source);
    }
    return refusals;
  }

  private async refusal(manager: EntityManager, event: PlanFeedEvent, source: FeedSource, lineage: readonly string[]): Promise<string | undefined> {
    const nodeId = event.data.orgNodeId;
    if (lineage.length === 0) return `unknown node: org node ${nodeId} does not exist`;
    const scope = feedNodeProblem(source, nodeId, lineage);
    if (scope) return scope;
    if (event.subject !== nodeId) return `invalid data: the subject ${event.subject.slice(0, 100)} is not the node ${nodeId}`;
    const repeated = repeatedPlanCells(this.figuresOf(event));
    if (repeated.length > 0) return `invalid data: ${repeated.join('; ')}`;
    if (event.type !== 'sales.demand-actuals' && event.data.scenarioId !== undefined) {
      const scenario = isUUID(event.data.scenarioId) ? await manager.findOneBy(Plan, { id: event.data.scenarioId }) : null;
      if (!scenario || scenario.orgNodeId !== nodeId) return `unknown scenario: ${event.data.scenarioId} is not a plan of node ${nodeId}`;
      if (scenario.kind !== 'scenario') return `unknown scenario: plan ${scenario.id} is no longer a scenario, it is ${scenario.kind === 'record' ? 'the plan of record' : 'superseded'}`;
    }
    return undefined;
  }

  private async write(manager: EntityManager, event: PlanFeedEvent, source: FeedSource): Promise<void> {
    const by = feedAuthor(source);
    if (event.type === 'sales.demand-actuals') {
      const postedAt = new Date();
      const rows = event.data.demand.map((cell) => ({ orgNodeId: event.data.orgNodeId, family: cell.family, period: cell.period, volume: cell.volume, postedBy: by, postedAt }));
      await manager.upsert(PlanActual, rows, ['orgNodeId', 'family', 'period']);
      return;
    }
    const figures = this.figuresOf(event);
    if (event.data.scenarioId !== undefined) await writeCells(manager, event.data.scenarioId, figures);
    else await this.plans.mergeIntoRecord(manager, by, event.data.orgNodeId, figures);
  }

  private figuresOf(event: PlanFeedEvent): PlanFigure[] {
    switch (event.type) {
      case 'sales.demand-actuals':
        return event.data.demand.map((cell) => ({ line: 'demand', family: cell.family, period: cell.period, amount: cell.volume }));
      case 'sales.demand-forecast':
        return event.data.demand.map((cell) => ({ line: 'demand', family: cell.family, period: cell.period, amount: cell.volume }));
      case 'operations.capacity-plan':
        return event.data.capacity.map((cell) => ({ line: 'capacity', family: cell.family, period: cell.period, amount: cell.volume }));
    }
  }
}
