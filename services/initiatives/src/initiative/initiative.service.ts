import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Principal } from '@tollgate/auth';
import { initiativeWorkflowId, LIFECYCLE, type LifecycleOutcome, type ProjectionAcknowledgement } from '@tollgate/contracts';
import {
  checkInitiativeDraft,
  confirmedValueOf,
  DEFAULT_CURRENCY,
  initialLifecycleState,
  isOpen,
  type Actor,
  type EscalationPolicy,
  type GateRequest,
  type InitiativeDraft,
  type MeasureForecast,
  type LifecycleState,
  type PlanRevision,
  type SideMove,
  type Stage,
} from '@tollgate/domain';
import { randomUUID } from 'node:crypto';
import { uuidFromKey } from '@tollgate/platform';
import { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEntry } from '../projection/audit-entry.entity';
import { auditRecordOf } from '../projection/audit-record';
import { gateRecordOf } from '../gate/gate-record';
import { GateRequestRecord } from '../gate/gate-request.entity';
import { ProgramDirectory } from '../program/program-directory.service';
import type { CreateInitiativeDto } from './dtos/create-initiative.dto';
import type { ListInitiativesQuery } from './dtos/list-initiatives.query';
import { Initiative } from '../projection/initiative.entity';
import { InitiativeError, InitiativeErrorCode } from './initiative.error';
import { gateView, initiativeSummary, initiativeView } from './initiative-view';
import { InitiativeProjection } from '../projection/initiative-projection.service';
import { LifecycleGateway } from './lifecycle-gateway';
import { ProjectionFreshness } from '../projection/projection-freshness';
import type { AuditEntryView, CreatedInitiativeView, InitiativePageView, InitiativeView } from '@tollgate/contracts/views';

/** The escalation grace periods new lifecycles start with. */
export const ESCALATION_POLICY = Symbol('ESCALATION_POLICY');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const actorOf = (principal: Principal): Actor => ({ id: principal.sub, roles: principal.roles });

/** How the audit trail names a feed source that changed an initiative. */
export const feedActorId = (source: string): string => `feed:${source}`;

/**
 * The initiative commands and reads: every change goes through the
 * initiative's lifecycle workflow, is projected here from what the workflow
 * answered, and answers then; reads come from the projection, or from the
 * workflow's state while the projection is behind what a command answered
 * (see ProjectionFreshness).
 */
@Injectable()
export class InitiativeService {
  private readonly logger = new Logger(InitiativeService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Initiative) private readonly initiatives: Repository<Initiative>,
    @InjectRepository(GateRequestRecord) private readonly gates: Repository<GateRequestRecord>,
    @InjectRepository(AuditEntry) private readonly audit: Repository<AuditEntry>,
    private readonly lifecycle: LifecycleGateway,
    private readonly programs: ProgramDirectory,
    private readonly freshness: ProjectionFreshness,
    private readonly projection: InitiativeProjection,
    @Inject(ESCALATION_POLICY) private readonly policy: EscalationPolicy,
  ) {}

  /** `initiativeId`: the id an import derives from its file's key, so that importing again finds the same initiative. */
  async create(principal: Principal, dto: CreateInitiativeDto, key?: string, initiativeId?: string): Promise<{ created: boolean; body: CreatedInitiativeView }> {
    const draft: InitiativeDraft = {
      title: dto.title,
      programId: dto.programId,
      ownerId: dto.ownerId,
      sponsorId: dto.sponsorId,
      controllerId: dto.controllerId ?? null,
      category: dto.category,
      currency: dto.currency ?? DEFAULT_CURRENCY,
      roughValue: dto.roughValue ?? null,
      measures: dto.measures,
      oneTimeCosts: dto.oneTimeCosts ?? [],
      milestones: dto.milestones,
    };
    const violation = checkInitiativeDraft(actorOf(principal), draft);
    if (violation) throw InitiativeError.violated(violation);
    if (!(await this.programs.isProgram(draft.programId))) throw InitiativeError.unknownProgram(draft.programId);

    const id = initiativeId ?? (key ? uuidFromKey('initiative', principal.sub, key) : randomUUID());
    const code = await this.nextCode();
    const state = initialLifecycleState(
      draft,
      { initiativeId: id, code, createdBy: principal.sub, createdAt: new Date().toISOString() },
      this.policy,
      randomUUID,
    );
    const started = await this.lifecycle.start({ state });
    // A retry after the lifecycle ended answers the initiative as it ended.
    const result = 'ended' in started ? (await this.find(id)).state : started.outcome.state;
    return {
      created: !started.existing,
      body: { id: result.initiativeId, code: result.code, stage: result.stage, status: result.status, workflowId: initiativeWorkflowId(result.initiativeId) },
    };
  }

  /** The initiative as of at least `minRevision` (and whatever a command of this instance answered). */
  async get(id: string, minRevision = 0): Promise<InitiativeView> {
    const view = await this.atLeast(id, minRevision);
    // Never an older revision than asked for without saying so.
    if (view.revision < minRevision) throw InitiativeError.revisionNotReached(id, minRevision, view.revision);
    return view;
  }

  private async atLeast(id: string, minRevision: number) {
    // The floor first: read after the row, it could already be cleared by the projection this row predates.
    const floor = this.freshness.floorOf(id, minRevision);
    const { row, gates } = await this.withGates(id);
    if (row.revision >= floor) return initiativeView(row, gates);
    try {
      return this.viewOfState(row, gates, await this.lifecycle.state(id));
    } catch (error) {
      // Temporal away or the run gone: the projection, a moment behind, still answers.
      if (error instanceof InitiativeError) {
        this.logger.warn(`initiative ${id}: read from the projection, the lifecycle could not be asked: ${error.message}`);
        return initiativeView(row, gates);
      }
      throw error;
    }
  }

  async list(query: ListInitiativesQuery): Promise<InitiativePageView> {
    await this.freshness.settle();
    const where: FindOptionsWhere<Initiative> = {};
    if (query.programId !== undefined) where.programId = query.programId;
    if (query.stage !== undefined) where.stage = query.stage as Initiative['stage'];
    if (query.status !== undefined) where.status = query.status;
    if (query.ownerId !== undefined) where.ownerId = query.ownerId;
    if (query.sponsorId !== undefined) where.sponsorId = query.sponsorId;
    if (query.controllerId !== undefined) where.controllerId = query.controllerId;
    if (query.closure !== undefined) where.closureState = query.closure;
    const [rows, total] = await this.initiatives.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(initiativeSummary), page: query.page, pageSize: query.pageSize, total };
  }

  async auditTrail(id: string, minRevision = 0): Promise<AuditEntryView[]> {
    await this.find(id);
    await this.freshness.settle([id], minRevision);
    const entries = await this.audit.find({ where: { initiativeId: id }, order: { revision: 'ASC' } });
    const reached = entries.at(-1)?.revision ?? 0;
    if (reached < minRevision) throw InitiativeError.revisionNotReached(id, minRevision, reached);
    return entries.map((entry) => {
      const { initiativeId: _initiativeId, ...change } = auditRecordOf(entry);
      return change;
    });
  }

  async requestGate(principal: Principal, id: string, targetStage: number, evidence: { text: string; links?: string[] }, key?: string) {
    const sameTitleInProgram = await this.openWithSameTitle(id);
    const outcome = await this.command(
      id,
      LIFECYCLE.requestGate,
      { actor: actorOf(principal), targetStage, evidence: { text: evidence.text, links: evidence.links ?? [] }, context: { sameTitleInProgram } },
      this.updateId('gate-request', principal, id, key),
    );
    return this.gateOutcome(outcome);
  }

  async decideGate(principal: Principal, id: string, requestId: string, approve: boolean, comment: string, key?: string) {
    const outcome = await this.command(
      id,
      LIFECYCLE.decideGate,
      { actor: actorOf(principal), requestId, approve, comment },
      this.updateId(`decision-${requestId}`, principal, id, key),
    );
    return this.gateOutcome(outcome);
  }

  async completeMilestone(principal: Principal, id: string, milestoneId: string, evidence: { text: string; links?: string[] }, key?: string) {
    const outcome = await this.command(
      id,
      LIFECYCLE.completeMilestone,
      { actor: actorOf(principal), milestoneId, evidence: { text: evidence.text, links: evidence.links ?? [] } },
      this.updateId(`complete-${milestoneId}`, principal, id, key),
    );
    return this.milestoneOutcome(outcome, milestoneId);
  }

  async replanMilestone(principal: Principal, id: string, milestoneId: string, dueDate: string, reason: string, key?: string) {
    const outcome = await this.command(
      id,
      LIFECYCLE.replanMilestone,
      { actor: actorOf(principal), milestoneId, dueDate, reason },
      this.updateId(`replan-${milestoneId}`, principal, id, key),
    );
    return this.milestoneOutcome(outcome, milestoneId);
  }

  async requestClosure(principal: Principal, id: string, key?: string) {
    const outcome = await this.command(id, LIFECYCLE.requestClosure, { actor: actorOf(principal) }, this.updateId('closure', principal, id, key));
    return { closure: outcome.state.closure, stage: outcome.state.stage, status: outcome.state.status, revision: outcome.state.revision };
  }

  async moveAside(principal: Principal, id: string, move: SideMove, reason: string, key?: string) {
    const outcome = await this.command(id, LIFECYCLE.moveAside, { actor: actorOf(principal), move, reason }, this.updateId(move, principal, id, key));
    const { stage, status, hold, cancellation, revision } = outcome.state;
    return { id, stage, status, hold, cancellation, revision };
  }

  async updateForecast(principal: Principal, id: string, forecasts: { measureId: string; forecastValues: { period: string; amount: number }[] }[], key?: string) {
    const outcome = await this.command(id, LIFECYCLE.updateForecast, { actor: actorOf(principal), forecasts }, this.updateId('forecast', principal, id, key));
    return this.viewAfter(outcome);
  }

  /**
   * A planning system's forecast (the measure-forecast feed): the lifecycle
   * takes it from a source registered for the initiative's program, and the
   * audit trail names the source. The event id makes a redelivery the same update.
   */
  async updateForecastFromFeed(source: string, programIds: readonly string[], id: string, forecasts: MeasureForecast[], eventId: string) {
    const actor: Actor = { id: feedActorId(source), roles: [] };
    const outcome = await this.command(id, LIFECYCLE.updateForecast, { actor, forecasts, feed: { source, programIds } }, `feed-forecast:${eventId}`);
    return { revision: outcome.state.revision };
  }

  /** The program an initiative belongs to, as projected here; the initiative unknown answers 404. */
  async programOf(id: string): Promise<string> {
    return (await this.find(id)).programId;
  }

  async revisePlan(principal: Principal, id: string, revision: PlanRevision, key?: string) {
    const outcome = await this.command(id, LIFECYCLE.revisePlan, { actor: actorOf(principal), revision }, this.updateId('revise', principal, id, key));
    return this.viewAfter(outcome);
  }

  private gateOutcome(outcome: LifecycleOutcome) {
    const request = outcome.state.gateRequests.find((candidate) => candidate.id === outcome.gateRequestId) as GateRequest;
    const view = gateView(gateRecordOf(outcome.state.initiativeId, request));
    return { ...view, stage: outcome.state.stage, status: outcome.state.status, revision: outcome.state.revision };
  }

  private milestoneOutcome(outcome: LifecycleOutcome, milestoneId: string) {
    const milestone = outcome.state.milestones.find((candidate) => candidate.id === milestoneId);
    const { stage, status, escalation, revision } = outcome.state;
    return { milestone, stage, status, escalation, revision };
  }

  /**
   * Sends a command to the lifecycle and remembers the revision it answered,
   * so that this instance's next read shows it. An initiative whose
   * lifecycle has ended is told apart from one that never existed.
   */
  private async command<Command>(
    id: string,
    update: UpdateDefinition<LifecycleOutcome, [Command, ProjectionAcknowledgement?]>,
    command: Command,
    updateId: string | undefined,
  ) {
    if (!UUID.test(id)) throw InitiativeError.unknownInitiative(id);
    try {
      // What this instance has projected goes along, so that the answer and the workflow's backstop leave it out.
      const acknowledgement = this.freshness.acknowledgement(id);
      const outcome = await this.lifecycle.update(id, update, acknowledgement ? [command, acknowledgement] : [command], updateId);
      this.freshness.answeredRevision(id, outcome.state.revision);
      // Not awaited: the change is durable in the workflow, and this instance's reads wait for it or ask the workflow.
      void this.projectAnswer(outcome);
      return outcome;
    } catch (error) {
      if (error instanceof InitiativeError && error.code === InitiativeErrorCode.LifecycleEnded) {
        const row = await this.find(id);
        throw InitiativeError.ended(id, row.status);
      }
      throw error;
    }
  }

  /**
   * Writes the changes the lifecycle answered, beside the answer, so that the
   * projection and the events follow at once rather than after the
   * workflow's own backstop. Writes of one initiative queue on its row lock,
   * and each carries every change not yet known to be projected, so they
   * land in revision order whichever commits first. A write that fails here
   * leaves the change to that backstop; reads meanwhile come from the workflow.
   */
  private async projectAnswer(outcome: LifecycleOutcome): Promise<void> {
    if (!outcome.changes?.length) return;
    try {
      await this.projection.project(outcome.state, outcome.changes);
    } catch (error) {
      this.logger.warn(`initiative ${outcome.state.initiativeId}: revision ${outcome.state.revision} left to the lifecycle's projection: ${(error as Error).message}`);
    }
  }

  /** The initiative as the command left it: from the state it answered, asking the workflow nothing more. */
  private async viewAfter(outcome: LifecycleOutcome) {
    const { row, gates } = await this.withGates(outcome.state.initiativeId);
    return row.revision >= outcome.state.revision ? initiativeView(row, gates) : this.viewOfState(row, gates, outcome.state);
  }

  /** One initiative as its workflow holds it, for a read the projection has not caught up with. */
  private viewOfState(row: Initiative, gates: GateRequestRecord[], state: LifecycleState) {
    const known = new Map(gates.map((gate) => [gate.id, gate]));
    for (const request of state.gateRequests) known.set(request.id, gateRecordOf(state.initiativeId, request));
    const current = { ...row, state, confirmedValue: confirmedValueOf(state), revision: state.revision, updatedAt: new Date() } as Initiative;
    return initiativeView(current, [...known.values()].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime()));
  }

  /** The initiative's row and its gate requests, oldest first, as both ways of viewing it need them. */
  private async withGates(id: string): Promise<{ row: Initiative; gates: GateRequestRecord[] }> {
    const row = await this.find(id);
    return { row, gates: await this.gates.find({ where: { initiativeId: id }, order: { submittedAt: 'ASC' } }) };
  }

  private updateId(action: string, principal: Principal, id: string, key?: string): string | undefined {
    return key ? `${action}:${principal.sub}:${key}` : undefined;
  }

  private async find(id: string): Promise<Initiative> {
    const row = UUID.test(id) ? await this.initiatives.findOneBy({ id }) : null;
    if (!row) throw InitiativeError.unknownInitiative(id);
    return row;
  }

  /**
   * The codes of the other open initiatives of the program with the same
   * title: the duplicate-title rule needs them, and only this projection sees
   * them. One query, which also finds the initiative itself open, and how
   * far its projection has come (for the command's acknowledgement).
   */
  private async openWithSameTitle(id: string): Promise<string[]> {
    const [row] = (UUID.test(id)
      ? await this.dataSource.query(
          `SELECT me.stage, me.status, me.revision, coalesce(array_agg(other.code) FILTER (WHERE other.code IS NOT NULL), '{}') AS codes
             FROM initiatives.initiative me
             LEFT JOIN initiatives.initiative other
               ON other.program_id = me.program_id AND other.title_key = me.title_key AND other.id <> me.id
              AND other.stage <> 5 AND other.status <> 'cancelled'
            WHERE me.id = $1
            GROUP BY me.id`,
          [id],
        )
      : []) as { stage: number; status: string; revision: number; codes: string[] }[];
    if (!row) throw InitiativeError.unknownInitiative(id);
    this.freshness.projectedRevision(id, row.revision);
    if (!isOpen({ stage: row.stage as Stage, cancelled: row.status === 'cancelled' })) throw InitiativeError.ended(id, row.status);
    return row.codes;
  }

  private async nextCode(): Promise<string> {
    const [{ next }] = (await this.dataSource.query(`SELECT nextval('initiatives.initiative_code_seq') AS next`)) as { next: string }[];
    return `INI-${next.padStart(5, '0')}`;
  }
}
