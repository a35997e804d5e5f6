import { Injectable } from '@nestjs/common';
import { TOPICS, type DecisionCheckInput } from '@tollgate/contracts';
import { checkClaim, DEFAULT_CURRENCY, type DecisionCheck, type DecisionClaim } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import { DataSource } from 'typeorm';
import { NoticeRecorder } from '../notification/notice-recorder';
import { PlanService } from '../plan/plan.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import { SopDecisionRecord } from './sop-decision.entity';

/**
 * A decision's expected effect, checked on its day: the figure read from the
 * plan of record, the actual demand the feeds posted, or the portfolio (with
 * finance's confirmed value), stored
 * beside the decision and announced as `plans.decision-checked`.
 */
@Injectable()
export class DecisionCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
    private readonly plans: PlanService,
    private readonly portfolio: PortfolioService,
    private readonly notices: NoticeRecorder,
  ) {}

  /** Idempotent: a decision checked once answers that check again. */
  async check(input: DecisionCheckInput, now = Date.now()): Promise<DecisionCheck> {
    const known = await this.dataSource.getRepository(SopDecisionRecord).findOneBy({ id: input.decisionId });
    if (known?.checkResult) return known.checkResult;
    const result = checkClaim(input.claim, { actual: await this.figure(input.orgNodeId, input.claim) }, now);
    const announced = await this.dataSource.transaction(async (manager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(SopDecisionRecord)
        .set({ checkResult: result })
        .where('id = :id AND check_result IS NULL', { id: input.decisionId })
        .execute();
      if (!updated.affected) return false;
      const event = await enqueueEvent(manager, TOPICS.plansEvents, {
        type: 'plans.decision-checked',
        source: 'tollgate/plans',
        subject: input.orgNodeId,
        data: { decisionId: input.decisionId, cycleId: input.cycleId, orgNodeId: input.orgNodeId, figure: input.claim.figure, ...result },
      });
      await this.notices.record(manager, event);
      return true;
    });
    if (announced) this.relay.relay.nudge();
    // A decision not yet projected when its day comes is checked again by the activity's retry.
    if (!announced && !known) throw new Error(`decision ${input.decisionId} is not recorded yet`);
    return (await this.dataSource.getRepository(SopDecisionRecord).findOneBy({ id: input.decisionId }))?.checkResult ?? result;
  }

  /** The figure the claim names, as the engine knows it today. */
  private async figure(orgNodeId: string, claim: DecisionClaim): Promise<number> {
    switch (claim.figure) {
      case 'family_capacity': {
        const plan = await this.plans.planOfRecord(orgNodeId);
        return plan?.capacity.filter((cell) => cell.family === claim.family && cell.period === claim.from).reduce((sum, cell) => sum + cell.volume, 0) ?? 0;
      }
      case 'family_demand_actual': {
        // Actual demand as the sales feeds (or a planner) posted it for the node's family and month.
        const [row] = (await this.dataSource.query(`SELECT COALESCE(SUM(volume), 0) AS volume FROM plans.plan_actual WHERE org_node_id::text = $1 AND family = $2 AND period = $3`, [
          orgNodeId,
          claim.family,
          claim.from,
        ])) as { volume: string }[];
        return Number(row.volume);
      }
      case 'node_forecast':
      case 'node_confirmed': {
        const currency = (await this.plans.planOfRecord(orgNodeId))?.currency ?? DEFAULT_CURRENCY;
        const year = claim.by.slice(0, 4);
        const values = await this.portfolio.valuesByPeriod(orgNodeId, currency, `${year}-01`, `${year}-12`);
        return values.reduce((sum, cell) => sum + (claim.figure === 'node_forecast' ? cell.forecast : cell.confirmed), 0);
      }
      case 'initiative_stage': {
        const [row] = (await this.dataSource.query(`SELECT stage FROM plans.portfolio_initiative WHERE initiative_id = $1`, [claim.initiativeId])) as { stage: number }[];
        return row ? Number(row.stage) : 0;
      }
    }
  }
}
