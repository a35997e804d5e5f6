import { Injectable } from '@nestjs/common';
import type { Principal } from '@tollgate/auth';
import { SOP_CYCLE, sopCycleWorkflowId } from '@tollgate/contracts';
import type { Actor, DecisionClaim, SopCycleState } from '@tollgate/domain';
import { uuidFromKey } from '@tollgate/platform';
import { DataSource } from 'typeorm';
import { OrgNodeService } from '../org-node/org-node.service';
import type { MitigationDto, SopDecisionDto } from './dtos/sop-commands.dto';
import type { StartSopCycleDto } from './dtos/start-sop-cycle.dto';
import { SopCycleSetupService } from './sop-cycle-setup.service';
import { agendaSubjects, agendaView, cycleView } from './sop-cycle-view';
import { SopCycleRecord } from './sop-cycle.entity';
import { SopCycleError } from './sop-cycle.error';
import { SopCycleGateway } from './sop-cycle.gateway';
import { subjectNames } from './subject-names';
import { SopDecisionRecord } from '../decision/sop-decision.entity';
import { SopExceptionRecord } from './sop-exception.entity';
import { storedInstant } from './stored-instant';
import type { MattersArisingView, SopActionView, SopAgendaView, SopCycleListView, SopCycleView } from '@tollgate/contracts/views';
import { In, LessThan } from 'typeorm';
import { actionView } from '../sop-action/sop-action-view';
import { SopActionRecord } from '../sop-action/sop-action.entity';

const actorOf = (principal: Principal): Actor => ({ id: principal.sub, roles: principal.roles });

/** How many earlier cycles a new cycle's matters arising look back on. */
const MATTERS_ARISING_CYCLES = 3;

/** S&OP cycles: started and moved through their workflow, read from their projection. */
@Injectable()
export class SopCycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gateway: SopCycleGateway,
    private readonly nodes: OrgNodeService,
    private readonly setups: SopCycleSetupService,
  ) {}

  async start(principal: Principal, dto: StartSopCycleDto): Promise<{ created: boolean; body: ReturnType<typeof cycleView> }> {
    await this.nodes.get(dto.orgNodeId);
    const known = await this.record(sopCycleWorkflowId(dto.orgNodeId, dto.period));
    if (known) return { created: false, body: cycleView(known.state) };
    if (!(await this.setups.planFor(dto.orgNodeId))) throw SopCycleError.noSetup(dto.orgNodeId, 'unprocessable');
    const started = await this.gateway.start({ orgNodeId: dto.orgNodeId, period: dto.period, startedBy: principal.sub });
    const state = started ?? (await this.stateOf(sopCycleWorkflowId(dto.orgNodeId, dto.period)));
    return { created: started !== null, body: cycleView(state) };
  }

  async list(orgNodeId: string): Promise<SopCycleListView> {
    await this.nodes.get(orgNodeId);
    const records = await this.dataSource.getRepository(SopCycleRecord).find({ where: { orgNodeId }, order: { period: 'DESC' } });
    return { orgNodeId, cycles: records.map((record) => cycleView(record.state)) };
  }

  async show(cycleId: string): Promise<SopCycleView> {
    return cycleView(await this.stateOf(cycleId));
  }

  async agenda(cycleId: string): Promise<SopAgendaView> {
    const state = await this.stateOf(cycleId);
    const records = await this.dataSource.getRepository(SopExceptionRecord).find({ where: { cycleId } });
    return agendaView(state, records, await subjectNames(this.dataSource, agendaSubjects(state)));
  }

  /**
   * What a new cycle opens with: the decisions of the node's last cycles,
   * each with what became of the actions it asked for, and every action of an
   * earlier cycle that is still open.
   */
  async mattersArising(cycleId: string, now = Date.now()): Promise<MattersArisingView> {
    const cycle = await this.stateOf(cycleId);
    const earlier = await this.dataSource.getRepository(SopCycleRecord).find({
      where: { orgNodeId: cycle.orgNodeId, period: LessThan(cycle.period) },
      order: { period: 'DESC' },
      take: MATTERS_ARISING_CYCLES,
    });
    const actions = this.dataSource.getRepository(SopActionRecord);
    const asked = await actions.findBy({ cycleId: In(earlier.map((record) => record.id)) });
    const open = await actions.find({ where: { orgNodeId: cycle.orgNodeId, status: 'open', period: LessThan(cycle.period) }, order: { dueDate: 'ASC' } });
    const byId = new Map(asked.map((record) => [record.id, record]));
    const recorded = await this.dataSource.getRepository(SopDecisionRecord).findBy({ cycleId: In(earlier.map((record) => record.id)) });
    const checks = new Map(recorded.map((record) => [record.id, record.checkResult]));
    return {
      cycleId,
      earlier: earlier.map((record) => ({
        cycleId: record.id,
        period: record.period,
        decisions: record.state.decisions.map((decision) => ({
          ...decision,
          decidedAt: storedInstant(decision.decidedAt),
          check: checks.get(decision.decisionId) ?? null,
          // An action not yet projected is left out until it is.
          actions: (decision.actions ?? []).flatMap((spec) => {
            const known = byId.get(spec.actionId);
            return known ? [actionView(known, now)] : [];
          }),
        })),
      })),
      openActions: open.map((record) => actionView(record, now)),
    };
  }

  /** What the cycle's decisions asked for, in the order they were opened. */
  async actionsOf(cycleId: string, now = Date.now()): Promise<SopActionView[]> {
    const records = await this.dataSource.getRepository(SopActionRecord).find({ where: { cycleId }, order: { openedAt: 'ASC', id: 'ASC' } });
    return records.map((record) => actionView(record, now));
  }

  async decisions(cycleId: string) {
    await this.stateOf(cycleId);
    const records = await this.dataSource.getRepository(SopDecisionRecord).find({ where: { cycleId }, order: { decidedAt: 'ASC' } });
    return { cycleId, decisions: records.map((record) => ({ ...record, decidedAt: record.decidedAt.toISOString() })) };
  }

  async completeStep(principal: Principal, cycleId: string, step: string, note: string | undefined, key?: string) {
    await this.stateOf(cycleId);
    const state = await this.gateway.update(
      cycleId,
      SOP_CYCLE.completeStep,
      [{ actor: actorOf(principal), step, note: note ?? null }],
      this.updateId('sop-step', principal, key),
    );
    return cycleView(state);
  }

  async submitMitigation(principal: Principal, cycleId: string, exceptionId: string, dto: MitigationDto, key?: string) {
    await this.stateOf(cycleId);
    const state = await this.gateway.update(
      cycleId,
      SOP_CYCLE.submitMitigation,
      [{ actor: actorOf(principal), exceptionId, action: dto.action, ownerId: dto.ownerId, dueDate: dto.dueDate }],
      this.updateId('sop-mitigation', principal, key),
    );
    const records = await this.dataSource.getRepository(SopExceptionRecord).find({ where: { cycleId } });
    return agendaView(state, records, await subjectNames(this.dataSource, agendaSubjects(state))).exceptions.find(
      (exception) => exception.id === exceptionId,
    );
  }

  async decide(principal: Principal, cycleId: string, dto: SopDecisionDto, key?: string) {
    await this.stateOf(cycleId);
    const { decision } = await this.gateway.update(
      cycleId,
      SOP_CYCLE.recordDecision,
      [{ actor: actorOf(principal), kind: dto.kind, subject: dto.subject ?? null, rationale: dto.rationale, action: dto.action ?? null, expects: (dto.expects ?? null) as DecisionClaim | null }],
      this.updateId('sop-decision', principal, key),
    );
    return { ...decision, decidedAt: storedInstant(decision.decidedAt), actions: decision.actions ?? [] };
  }

  // The same Idempotency-Key names the same Temporal update: a retry answers the first result.
  private updateId(kind: string, principal: Principal, key?: string): string | undefined {
    return key ? uuidFromKey(kind, principal.sub, key) : undefined;
  }

  private record(cycleId: string): Promise<SopCycleRecord | null> {
    return this.dataSource.getRepository(SopCycleRecord).findOneBy({ id: cycleId });
  }

  /** The cycle as its workflow last projected it; 404 for an unknown one. */
  async stateOf(cycleId: string): Promise<SopCycleState> {
    const record = await this.record(cycleId);
    if (!record) throw SopCycleError.unknown(cycleId);
    return record.state;
  }
}
