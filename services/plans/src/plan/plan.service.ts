import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { comparePlans, DEFAULT_CURRENCY, type PlanCell as PlanFigure } from '@tollgate/domain';
import { OutboxRelayHost } from '@tollgate/messaging';
import { uuidFromKey } from '@tollgate/platform';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateScenarioDto } from './dtos/scenario.dto';
import type { PlanCellsDto } from './dtos/plan-cells.dto';
import { recordDecision } from '../decision/decision-log';
import { cellsOf, figuresOf, lockNodePlans, requireOrgNode, writeCells } from './plan-cells';
import { Plan } from './plan.entity';
import { PlanError } from './plan.error';
import { planView, type PlanView } from './plan-view';

const PLAN_OF_RECORD_NAME = 'Plan of record';

/** Each node's plan of record, the what-if scenarios beside it, and the promotion of a scenario to record. */
@Injectable()
export class PlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
  ) {}

  /** The node's plan of record with its targets, demand and capacity, or null when it has none. */
  async planOfRecord(nodeId: string): Promise<PlanView | null> {
    if (!isUUID(nodeId)) return null;
    const manager = this.dataSource.manager;
    const plan = await manager.findOneBy(Plan, { orgNodeId: nodeId, kind: 'record' });
    return plan ? planView(plan, await cellsOf(manager, plan.id)) : null;
  }

  async showPlanOfRecord(nodeId: string): Promise<PlanView> {
    await requireOrgNode(this.dataSource.manager, nodeId);
    const view = await this.planOfRecord(nodeId);
    if (!view) throw PlanError.noPlanOfRecord(nodeId, 'not_found');
    return view;
  }

  /** Creates the node's plan of record with the given cells, or merges them into it. */
  async writePlanOfRecord(principal: Principal, nodeId: string, change: PlanCellsDto): Promise<{ created: boolean; body: PlanView }> {
    return this.dataSource.transaction(async (manager) => {
      await requireOrgNode(manager, nodeId);
      const figures = figuresOf(change);
      await lockNodePlans(manager, nodeId);
      const { plan, created } = await this.mergeIntoRecord(manager, principal.sub, nodeId, figures, change.currency);
      return { created, body: planView(plan, await cellsOf(manager, plan.id)) };
    });
  }

  /**
   * Within the caller's transaction, which holds the node's plan lock: merges
   * the figures into the node's plan of record, created first when it has none.
   */
  async mergeIntoRecord(manager: EntityManager, by: string, nodeId: string, figures: readonly PlanFigure[], currency?: string): Promise<{ plan: Plan; created: boolean }> {
    let plan = await manager.findOneBy(Plan, { orgNodeId: nodeId, kind: 'record' });
    const created = !plan;
    if (!plan) {
      plan = manager.create(Plan, {
        id: randomUUID(),
        orgNodeId: nodeId,
        name: PLAN_OF_RECORD_NAME,
        kind: 'record',
        basedOnPlanId: null,
        currency: currency ?? DEFAULT_CURRENCY,
        createdBy: by,
        createdAt: new Date(),
        promotedBy: null,
        promotedAt: null,
        promotionRationale: null,
      });
      await manager.insert(Plan, plan);
    } else if (currency && currency !== plan.currency) {
      throw PlanError.currencyFixed(plan.currency);
    }
    await writeCells(manager, plan.id, figures);
    return { plan, created };
  }

  /** A scenario: a copy of the plan of record's cells, to change without touching the record. */
  async createScenario(principal: Principal, nodeId: string, dto: CreateScenarioDto, key?: string): Promise<{ created: boolean; body: PlanView }> {
    const id = key ? uuidFromKey('scenario', principal.sub, nodeId, key) : randomUUID();
    return this.dataSource.transaction(async (manager) => {
      await requireOrgNode(manager, nodeId);
      await lockNodePlans(manager, nodeId);
      const existing = await manager.findOneBy(Plan, { id });
      if (existing) return { created: false, body: planView(existing, await cellsOf(manager, id)) };
      const record = await manager.findOneBy(Plan, { orgNodeId: nodeId, kind: 'record' });
      if (!record) throw PlanError.noPlanOfRecord(nodeId, 'unprocessable');
      const scenario = manager.create(Plan, {
        ...record,
        id,
        name: dto.name.trim(),
        kind: 'scenario',
        basedOnPlanId: record.id,
        createdBy: principal.sub,
        createdAt: new Date(),
        promotedBy: null,
        promotedAt: null,
        promotionRationale: null,
      });
      await manager.insert(Plan, scenario);
      await writeCells(manager, id, await cellsOf(manager, record.id));
      return { created: true, body: planView(scenario, await cellsOf(manager, id)) };
    });
  }

  /** Any plan by id: a scenario, and after its promotion the record or a superseded plan. */
  async show(planId: string): Promise<PlanView> {
    const plan = await this.findPlan(this.dataSource.manager, planId);
    return planView(plan, await cellsOf(this.dataSource.manager, planId));
  }

  /** Merges cells into a scenario; once promoted it is no scenario any more and answers 409. */
  async writeScenario(planId: string, change: PlanCellsDto): Promise<PlanView> {
    return this.dataSource.transaction(async (manager) => {
      const scenario = await this.lockedPlan(manager, planId);
      const figures = figuresOf(change);
      if (scenario.kind !== 'scenario') throw PlanError.notAScenario(planId, scenario.kind);
      if (change.currency && change.currency !== scenario.currency) throw PlanError.currencyFixed(scenario.currency);
      await writeCells(manager, planId, figures);
      return planView(scenario, await cellsOf(manager, planId));
    });
  }

  /** The plan against the node's current plan of record: every cell that differs, and each line's totals. */
  async comparison(planId: string) {
    const manager = this.dataSource.manager;
    const plan = await this.findPlan(manager, planId);
    const record = await manager.findOneBy(Plan, { orgNodeId: plan.orgNodeId, kind: 'record' });
    if (!record) throw PlanError.noPlanOfRecord(plan.orgNodeId, 'not_found');
    const [recordCells, planCells] = await Promise.all([cellsOf(manager, record.id), cellsOf(manager, planId)]);
    return { scenarioId: planId, recordId: record.id, orgNodeId: plan.orgNodeId, currency: plan.currency, ...comparePlans(recordCells, planCells) };
  }

  /** Within the caller's transaction, makes the scenario the node's plan of record and the old record superseded; emits no event. */
  async promoteScenario(manager: EntityManager, scenarioId: string, decidedBy: string, rationale: string): Promise<PlanView> {
    if (!rationale?.trim()) throw PlanError.rationaleMissing();
    const scenario = await this.lockedPlan(manager, scenarioId);
    if (scenario.kind !== 'scenario') throw PlanError.notAScenario(scenarioId, scenario.kind);
    // The old record first: the partial unique index admits one record a node at every statement.
    await manager.update(Plan, { orgNodeId: scenario.orgNodeId, kind: 'record' }, { kind: 'superseded' });
    const promotion = { kind: 'record' as const, promotedBy: decidedBy, promotedAt: new Date(), promotionRationale: rationale.trim() };
    await manager.update(Plan, { id: scenarioId }, promotion);
    return planView({ ...scenario, ...promotion }, await cellsOf(manager, scenarioId));
  }

  /** The promotion decided over the API, in a transaction of its own, recorded as a decision (`plans.decision-recorded`). */
  async promote(principal: Principal, scenarioId: string, rationale: string | undefined): Promise<PlanView> {
    const promoted = await this.dataSource.transaction(async (manager) => {
      const view = await this.promoteScenario(manager, scenarioId, principal.sub, rationale ?? '');
      await recordDecision(manager, view.orgNodeId, null, {
        decisionId: randomUUID(),
        kind: 'promote_scenario',
        subject: scenarioId,
        rationale: view.promotion!.rationale!,
        decidedBy: principal.sub,
        decidedAt: view.promotion!.decidedAt,
        outcome: [`scenario ${scenarioId} is the plan of record of ${view.orgNodeId}`],
      });
      return view;
    });
    this.relay.relay.nudge();
    return promoted;
  }

  private async findPlan(manager: EntityManager, planId: string): Promise<Plan> {
    const plan = isUUID(planId) ? await manager.findOneBy(Plan, { id: planId }) : null;
    if (!plan) throw PlanError.unknown(planId);
    return plan;
  }

  /** The plan read again under its node's lock, so that its kind cannot change before the transaction ends. */
  private async lockedPlan(manager: EntityManager, planId: string): Promise<Plan> {
    const { orgNodeId } = await this.findPlan(manager, planId);
    await lockNodePlans(manager, orgNodeId);
    return this.findPlan(manager, planId);
  }
}
