import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SopCyclePaperView } from '@tollgate/contracts/views';
import { cycleParticipants, decisionsSought, DEFAULT_CURRENCY, paperIssued, STEP_ISSUING_PAPER, type SopCyclePaper } from '@tollgate/domain';
import { DataSource } from 'typeorm';
import { NotificationDelivery } from '../notification/notification-delivery.service';
import { PlanService } from '../plan/plan.service';
import { SopCycleError } from '../sop-cycle/sop-cycle.error';
import { SopCycleService } from '../sop-cycle/sop-cycle.service';
import { storedInstant } from '../sop-cycle/stored-instant';
import { subjectName } from '../sop-cycle/subject-names';
import { paperPdf } from './sop-paper-pdf';

/**
 * A cycle's papers, from what the cycle holds: the pre-read once pre-S&OP is
 * done, the minutes once the cycle is published; as the API's JSON and as a
 * PDF, which the mail to the participants carries.
 */
@Injectable()
export class SopPapersService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: SopCycleService,
    private readonly plans: PlanService,
    private readonly delivery: NotificationDelivery,
  ) {}

  onModuleInit(): void {
    // The mail of a paper carries its PDF, rendered when it is sent from what the cycle holds then.
    this.delivery.attachWith('cycle_pre_read', async (cycleId) => [{ filename: `pre-read-${cycleId}.pdf`, content: await this.pdf(cycleId, 'pre_read') }]);
    this.delivery.attachWith('cycle_minutes', async (cycleId) => [{ filename: `minutes-${cycleId}.pdf`, content: await this.pdf(cycleId, 'minutes') }]);
  }

  async paper(cycleId: string, paper: SopCyclePaper): Promise<SopCyclePaperView> {
    const state = await this.cycles.stateOf(cycleId);
    if (!paperIssued(state, paper)) throw SopCycleError.paperNotIssued(cycleId, paper);
    const [agenda, actions, plan, nodeName] = await Promise.all([
      this.cycles.agenda(cycleId),
      this.cycles.actionsOf(cycleId),
      this.plans.planOfRecord(state.orgNodeId),
      this.nodeName(state.orgNodeId),
    ]);
    const names = new Map<string, string>();
    for (const exception of agenda.exceptions) if (exception.subjectName) names.set(exception.id, exception.subjectName);
    for (const pivot of agenda.pivots) if (pivot.programName) names.set(pivot.programId, pivot.programName);
    const issuing = state.steps.find((step) => step.step === STEP_ISSUING_PAPER[paper])!;
    const meeting = state.steps.find((step) => step.step === 'executive_sop')!;
    return {
      paper,
      cycleId,
      orgNodeId: state.orgNodeId,
      nodeName,
      period: state.period,
      chairId: state.chairId,
      issuedAt: storedInstant(issuing.completedAt)!,
      meetingDueAt: storedInstant(meeting.dueAt),
      currency: plan?.currency ?? DEFAULT_CURRENCY,
      exceptions: agenda.exceptions,
      pivots: agenda.pivots,
      decisionsSought: paper === 'pre_read' ? decisionsSought(state).map((sought) => ({ ...sought, subjectName: names.get(sought.kind === 'approve_pivot' ? sought.programId : sought.exceptionId) ?? null })) : [],
      decisions: state.decisions.map((decision) => ({
        decisionId: decision.decisionId,
        kind: decision.kind,
        subject: decision.subject,
        subjectName: decision.subject === null ? null : (names.get(decision.subject) ?? subjectName(decision.subject, names)),
        rationale: decision.rationale,
        decidedBy: decision.decidedBy,
        decidedAt: storedInstant(decision.decidedAt)!,
        outcome: decision.outcome,
      })),
      // An open action past its day reads as overdue: the state a reader of the minutes acts on.
      actions: actions.map((action) => ({ id: action.id, title: action.title, ownerId: action.ownerId, dueDate: action.dueDate, status: action.status === 'open' && action.overdue ? 'overdue' : action.status, expectedEffect: action.expectedEffect, doneWhen: action.doneWhen })),
      participants: cycleParticipants(state),
    };
  }

  async pdf(cycleId: string, paper: SopCyclePaper): Promise<Buffer> {
    return paperPdf(await this.paper(cycleId, paper));
  }

  private async nodeName(orgNodeId: string): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT name FROM plans.org_node WHERE id = $1`, [orgNodeId])) as { name: string }[];
    return row?.name ?? orgNodeId;
  }
}
