import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { Client } from '@temporalio/client';
import {
  initiativeWorkflowId,
  LIFECYCLE,
  LIFECYCLE_REFUSAL,
  SOP_CYCLE_UNPREPARED,
  SOP_DECISION_REFUSED,
  TOPICS,
  type SopCycleActivities,
} from '@tollgate/contracts';
import { proposePivot, type RuleViolation, type SopPivotProposal } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import { DomainError, SERVICE_CONFIG, uuidFromKey, violationOf } from '@tollgate/platform';
import { WorkflowCallError, WorkflowGateway, type ActivityProvider } from '@tollgate/temporal';
import { DataSource } from 'typeorm';
import type { PlansConfig } from '../config/plans.config';
import { OrgNodeService } from '../org-node/org-node.service';
import { OrgNodeErrorCode } from '../org-node/org-node.error';
import { PlanService } from '../plan/plan.service';
import { PortfolioService } from '../portfolio/portfolio.service';
import { InitiativeResourceService } from '../sop-policy/initiative-resource.service';
import { SopPolicyService } from '../sop-policy/sop-policy.service';
import { DecisionCheckGateway } from '../decision/decision-check.gateway';
import { NoticeRecorder } from '../notification/notice-recorder';
import { ForecastRecordService } from '../forecast-record/forecast-record.service';
import { OffPlanService } from '../off-plan/off-plan.service';
import { SopActionGateway } from '../sop-action/sop-action.gateway';
import { SopCycleProjection } from './sop-cycle-projection.service';
import { SopCycleSetupService } from './sop-cycle-setup.service';
import { SopExceptionRecord } from './sop-exception.entity';

function refused(violation: RuleViolation): ApplicationFailure {
  return ApplicationFailure.nonRetryable(violation.message, SOP_DECISION_REFUSED, violation);
}

/** The plans service's side of the S&OP cycle: what the workflow asks of the service's data. */
/** A pivot's signal that Temporal does not take within this long fails the activity, which Temporal retries. */
const SIGNAL_TIMEOUT_MS = 10_000;

@Injectable()
export class SopCycleActivitiesService implements ActivityProvider {
  private readonly lifecycles: WorkflowGateway;

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
    client: Client,
    private readonly nodes: OrgNodeService,
    private readonly setups: SopCycleSetupService,
    private readonly offPlan: OffPlanService,
    private readonly actions: SopActionGateway,
    private readonly forecasts: ForecastRecordService,
    private readonly checks: DecisionCheckGateway,
    private readonly projection: SopCycleProjection,
    private readonly plans: PlanService,
    private readonly policies: SopPolicyService,
    private readonly portfolio: PortfolioService,
    private readonly resources: InitiativeResourceService,
    private readonly notices: NoticeRecorder,
    @Inject(SERVICE_CONFIG) private readonly config: PlansConfig,
  ) {
    this.lifecycles = new WorkflowGateway(client, { refusalType: LIFECYCLE_REFUSAL, timeoutMs: SIGNAL_TIMEOUT_MS });
  }

  activities(): SopCycleActivities {
    return {
      prepareSopCycle: (input) => this.prepare(input.orgNodeId),
      raiseSopExceptions: (input) => this.raise(input.cycleId, input.orgNodeId, input.period),
      proposeSopPivots: (input) => this.proposePivots(input.orgNodeId),
      projectSopCycle: (input) => this.projection.project(input.state, input.changes),
      applySopDecision: (input) => this.apply(input),
      openSopActions: (input) => this.actions.open(input.actions),
      followDecisionClaim: (input) => this.checks.follow(input),
    };
  }

  private async prepare(orgNodeId: string) {
    try {
      await this.nodes.get(orgNodeId);
    } catch (error) {
      if (error instanceof DomainError && error.code === OrgNodeErrorCode.UnknownNode) throw ApplicationFailure.nonRetryable(error.message, SOP_CYCLE_UNPREPARED);
      throw error;
    }
    const plan = await this.setups.planFor(orgNodeId);
    if (!plan) throw ApplicationFailure.nonRetryable(`org node ${orgNodeId} has no S&OP cycle setup`, SOP_CYCLE_UNPREPARED);
    return plan;
  }

  /** Stores the period's exceptions under ids of the cycle's own, and announces the new ones with them. */
  private async raise(cycleId: string, orgNodeId: string, period: string) {
    const { exceptions: found } = await this.offPlan.find(orgNodeId, period);
    // The forecasts as the review sees them: judged later against what finance confirms.
    await this.forecasts.record(cycleId, orgNodeId, period);
    // A name-based id: raising the same exception again in this cycle finds the first.
    const raised = found.map((exception) => ({ exceptionId: uuidFromKey('sop-exception', cycleId, exception.kind, exception.subject), exception }));
    const announced = await this.dataSource.transaction(async (manager) => {
      let count = 0;
      for (const { exceptionId, exception } of raised) {
        if (await manager.existsBy(SopExceptionRecord, { id: exceptionId })) continue;
        // What the event announces is what the row keeps, less the mitigation's state and the figures.
        const announced = {
          exceptionId,
          cycleId,
          orgNodeId,
          period,
          kind: exception.kind,
          subject: exception.subject,
          reference: exception.reference,
          actual: exception.actual,
          deviation: exception.deviation,
          ownerId: exception.owner,
          valueAtRisk: exception.valueAtRisk,
        };
        const { exceptionId: id, ...row } = announced;
        await manager.insert(SopExceptionRecord, { id, ...row, state: 'awaiting_mitigation', mitigation: null, figures: exception.figures });
        // Its owner is told that a mitigation is owed, in the same transaction.
        await this.notices.record(manager, await enqueueEvent(manager, TOPICS.plansEvents, { type: 'plans.exception-raised', source: 'tollgate/plans', subject: orgNodeId, data: announced }));
        count += 1;
      }
      return count;
    });
    if (announced) this.relay.relay.nudge();
    return raised.map(({ exceptionId, exception }) => ({ exceptionId, kind: exception.kind, subject: exception.subject, ownerId: exception.owner, valueAtRisk: exception.valueAtRisk }));
  }

  /** Per program under the node that has a capacity in its policy: the moves the ranking proposes, the ones that change something. */
  private async proposePivots(orgNodeId: string): Promise<SopPivotProposal[]> {
    const open = (await this.portfolio.initiativesUnder(orgNodeId)).filter((initiative) => initiative.stage < 5 && initiative.status !== 'cancelled' && initiative.status !== 'closed');
    const resources = await this.resources.resourcesOf(open.map((initiative) => initiative.initiativeId));
    const proposals: SopPivotProposal[] = [];
    for (const programId of [...new Set(open.map((initiative) => initiative.programId))].sort()) {
      const capacity = (await this.policies.effectivePolicy(programId)).pivotCapacity;
      if (!capacity) continue;
      const candidates = open
        .filter((initiative) => initiative.programId === programId)
        .map((initiative) => ({
          initiativeId: initiative.initiativeId,
          stage: initiative.stage,
          onHold: initiative.status === 'on_hold',
          // What is still to come: the forecast where there is one, else the plan, less what is confirmed.
          value: Math.max((initiative.forecast > 0 ? initiative.forecast : initiative.planned) - initiative.confirmed, 0),
          ...(resources.get(initiative.initiativeId) ?? { budget: 0, fte: 0 }),
        }));
      for (const ranked of proposePivot(candidates, capacity, this.config.pivot.doiWeights)) {
        if (ranked.move !== 'keep') proposals.push({ programId, initiativeId: ranked.initiativeId, move: ranked.move, score: ranked.score });
      }
    }
    return proposals;
  }

  private async apply(input: Parameters<SopCycleActivities['applySopDecision']>[0]): Promise<string[]> {
    const { decision, moves, orgNodeId } = input;
    if (decision.kind === 'promote_scenario') return this.promote(orgNodeId, decision.subject!, decision.decidedBy, decision.rationale);
    const outcome: string[] = [];
    for (const { initiativeId, move } of moves) {
      try {
        await this.lifecycles.signal(initiativeWorkflowId(initiativeId), LIFECYCLE.portfolioMove, {
          decisionId: decision.decisionId,
          move,
          decidedBy: decision.decidedBy,
          reason: decision.rationale,
        });
        outcome.push(`${move} ${initiativeId}`);
      } catch (error) {
        // A closed or cancelled initiative needs no pivot; the outcome says so.
        if (!(error instanceof WorkflowCallError && error.failure.kind === 'ended')) throw error;
        outcome.push(`skipped ${initiativeId}: its lifecycle has ended`);
      }
    }
    return outcome;
  }

  private async promote(orgNodeId: string, scenarioId: string, decidedBy: string, rationale: string): Promise<string[]> {
    const done = [`scenario ${scenarioId} is the plan of record of ${orgNodeId}`];
    try {
      const scenario = await this.plans.show(scenarioId);
      if (scenario.orgNodeId !== orgNodeId) throw refused({ kind: 'unprocessable', message: `scenario ${scenarioId} belongs to another node (${scenario.orgNodeId})` });
      // A retried activity finds its own promotion done.
      if (scenario.kind === 'record' && scenario.promotion?.decidedBy === decidedBy && scenario.promotion.rationale === rationale) return done;
      await this.dataSource.transaction((manager) => this.plans.promoteScenario(manager, scenarioId, decidedBy, rationale));
      return done;
    } catch (error) {
      const violation = error instanceof DomainError ? violationOf(error) : null;
      if (violation) throw refused(violation);
      throw error;
    }
  }
}
