import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_CURRENCY,
  familyVolumesByPeriod,
  offPlan,
  type EarlierException,
  type NodePeriodFigures,
  type OffPlanInitiative,
  type OverdueAction,
  type SopException,
  type SopExceptionKind,
} from '@tollgate/domain';
import { SERVICE_CONFIG } from '@tollgate/platform';
import { DataSource } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { idsInSubtreeOf } from '../org-node/node-subtree';
import { PlanService } from '../plan/plan.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import { SopPolicyService } from '../sop-policy/sop-policy.service';

/** How many earlier cycles of a node are read to tell whether an exception recurs. */
const EARLIER_CYCLES = 12;

/** What is off plan under a node in a period, in the node's plan currency. */
export interface NodeOffPlan {
  currency: string;
  exceptions: SopException[];
}

/**
 * Gathers what the domain's one rule for "off plan" reads about a node and a
 * period (value against plan and target, the month and the year to date;
 * demand and capacity; the open initiatives under it with their late
 * milestones; overdue actions; the node's earlier cycles) and lets `offPlan`
 * decide. The S&OP agenda raised at pre-S&OP and the node page both come
 * from here.
 */
@Injectable()
export class OffPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanService,
    private readonly policies: SopPolicyService,
    private readonly portfolio: PortfolioService,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {}

  async find(orgNodeId: string, period: string, now = Date.now()): Promise<NodeOffPlan> {
    // Each read stands alone: they run at once, the value cells after, in the plan's currency.
    const [policy, plan, preSopOwner, initiatives, overdueActions, earlierCycles] = await Promise.all([
      this.policies.effectivePolicy(orgNodeId),
      this.plans.planOfRecord(orgNodeId),
      this.preSopOwner(orgNodeId),
      this.portfolio.initiativesUnder(orgNodeId),
      this.overdueActions(orgNodeId, new Date(now).toISOString().slice(0, 10)),
      this.earlierCycles(orgNodeId, period),
    ]);
    const currency = plan?.currency ?? DEFAULT_CURRENCY;
    const from = `${period.slice(0, 4)}-01`;
    const values = await this.portfolio.valuesByPeriod(orgNodeId, currency, from, period);
    const month = values.at(-1)!;
    const inYear = (cell: { period: string }) => cell.period >= from && cell.period <= period;
    const yearTargets = plan?.targets.filter(inYear) ?? [];
    // Only the period's cells: the plan of record may hold years of them.
    const inPeriod = (cell: { period: string }) => cell.period === period;
    const cells = plan
      ? [
          ...plan.demand.filter(inPeriod).map((cell) => ({ line: 'demand', family: cell.family, period, amount: cell.volume })),
          ...plan.capacity.filter(inPeriod).map((cell) => ({ line: 'capacity', family: cell.family, period, amount: cell.volume })),
        ]
      : [];
    const figures: NodePeriodFigures = {
      orgNodeId,
      period,
      value: { planned: month.planned, forecast: month.forecast, target: plan?.targets.find(inPeriod)?.amount ?? null },
      yearToDate: {
        from,
        planned: values.reduce((sum, cell) => sum + cell.planned, 0),
        forecast: values.reduce((sum, cell) => sum + cell.forecast, 0),
        target: yearTargets.length ? yearTargets.reduce((sum, cell) => sum + cell.amount, 0) : null,
      },
      families: familyVolumesByPeriod(cells).get(period) ?? [],
      initiatives: initiatives
        .filter((initiative) => initiative.stage < 5 && initiative.status !== 'cancelled' && initiative.status !== 'closed')
        .map((initiative): OffPlanInitiative => {
          // Value in another currency cannot be weighed against the node's: the initiative is listed, with nothing at risk counted.
          const counted = initiative.currency === currency;
          return {
            initiativeId: initiative.initiativeId,
            ownerId: initiative.ownerId,
            sponsorId: initiative.sponsorId,
            stage: initiative.stage,
            status: initiative.status,
            planned: counted ? initiative.planned : 0,
            forecast: counted ? initiative.forecast : 0,
            confirmed: counted ? initiative.confirmed : 0,
            implementedAt: initiative.implementedAt === null ? null : Date.parse(initiative.implementedAt),
            escalation: initiative.escalation,
            waitingGate: initiative.waitingGate,
          };
        }),
      overdueActions,
      earlierCycles,
    };
    const owner = policy.ownerId ?? preSopOwner ?? 'pmo';
    return {
      currency,
      exceptions: offPlan(figures, { value: policy.valueThreshold, volume: policy.volumeThreshold, unconfirmedAfterMs: this.config.portfolio.phantomUnconfirmedAfterMs, gateDecisionWithinMs: this.config.portfolio.gateDecisionWithinMs }, owner, now),
    };
  }

  /** Whoever runs the node's reconciliation owes the mitigations when its policy names no S&OP owner. */
  private async preSopOwner(orgNodeId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT owners->>'pre_sop' AS owner FROM plans.sop_cycle_setup WHERE org_node_id::text = $1`, [orgNodeId])) as {
      owner: string | null;
    }[];
    return row?.owner ?? null;
  }

  /** Open actions under the node whose due date is before `today`. */
  private async overdueActions(orgNodeId: string, today: string): Promise<OverdueAction[]> {
    const rows = (await this.dataSource.query(
      `SELECT action.id, action.title, action.owner_id, to_char(action.due_date, 'YYYY-MM-DD') AS due_date, action.value_at_risk
         FROM plans.sop_action action
        WHERE action.org_node_id IN ${idsInSubtreeOf('$1::uuid')} AND action.status = 'open' AND action.due_date < $2::date
        ORDER BY action.due_date, action.id
        LIMIT 500`,
      [orgNodeId, today],
    )) as { id: string; title: string; owner_id: string; due_date: string; value_at_risk: string | null }[];
    return rows.map((row) => ({
      actionId: row.id,
      title: row.title,
      ownerId: row.owner_id,
      dueDate: row.due_date,
      valueAtRisk: row.value_at_risk === null ? null : Number(row.value_at_risk),
    }));
  }

  /** The node's cycles before `period`, newest first, each with the exceptions it raised, their mitigations, and whether the chair accepted them. */
  private async earlierCycles(orgNodeId: string, period: string): Promise<NodePeriodFigures['earlierCycles']> {
    const rows = (await this.dataSource.query(
      // Every earlier cycle counts, those that raised nothing too: they break a run of recurrences.
      `WITH earlier AS (
         SELECT id, period FROM plans.sop_cycle WHERE org_node_id::text = $1 AND period < $2 ORDER BY period DESC LIMIT $3
       )
       SELECT earlier.period, exception.kind, exception.subject, exception.mitigation->>'dueDate' AS due_date,
              EXISTS (SELECT 1 FROM plans.sop_decision decision
                       WHERE decision.kind = 'accept_mitigation' AND decision.subject = exception.id::text) AS accepted
         FROM earlier LEFT JOIN plans.sop_exception exception ON exception.cycle_id = earlier.id
        ORDER BY earlier.period DESC`,
      [orgNodeId, period, EARLIER_CYCLES],
    )) as { period: string; kind: SopExceptionKind | null; subject: string | null; due_date: string | null; accepted: boolean }[];
    const byPeriod = new Map<string, EarlierException[]>();
    for (const row of rows) {
      const exceptions = byPeriod.get(row.period) ?? [];
      if (row.kind !== null && row.subject !== null) {
        exceptions.push({ kind: row.kind, subject: row.subject, mitigation: row.due_date === null ? null : { dueDate: row.due_date, accepted: row.accepted } });
      }
      byPeriod.set(row.period, exceptions);
    }
    return [...byPeriod].map(([earlierPeriod, exceptions]) => ({ period: earlierPeriod, exceptions }));
  }
}
