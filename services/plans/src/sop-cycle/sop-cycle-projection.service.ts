import { Injectable } from '@nestjs/common';
import { TOPICS, type EventData, type EventEnvelope, type NewEvent, type SopCycleChange } from '@tollgate/contracts';
import { currentStep, cycleParticipants, PAPER_OF_COMPLETED_STEP, type SopCycleState, type SopStep } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { recordDecision } from '../decision/decision-log';
import { NoticeRecorder } from '../notification/notice-recorder';
import { SopCycleRecord } from './sop-cycle.entity';
import { SopExceptionRecord } from './sop-exception.entity';
import { storedInstant } from './stored-instant';

/**
 * The cycle's row follows its workflow: each projection carries the whole
 * state and a version, and an older or repeated one changes nothing, so a
 * retried activity never announces a change twice.
 */
@Injectable()
export class SopCycleProjection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
    private readonly notices: NoticeRecorder,
  ) {}

  async project(state: SopCycleState, changes: SopCycleChange[]): Promise<void> {
    const announced = await this.dataSource.transaction(async (manager) => {
      const known = await manager.findOne(SopCycleRecord, { where: { id: state.cycleId }, lock: { mode: 'pessimistic_write' } });
      if (known && known.version >= state.version) return false;
      await manager.save(
        manager.create(SopCycleRecord, {
          id: state.cycleId,
          orgNodeId: state.orgNodeId,
          period: state.period,
          step: currentStep(state).step,
          chairId: state.chairId,
          startedBy: state.startedBy,
          startedAt: new Date(storedInstant(state.startedAt)),
          version: state.version,
          state,
        }),
      );
      for (const exception of state.exceptions) {
        const mitigation = exception.mitigation ? { ...exception.mitigation, submittedAt: storedInstant(exception.mitigation.submittedAt) } : null;
        await manager.update(
          SopExceptionRecord,
          { id: exception.exceptionId },
          { state: mitigation ? 'mitigated' : exception.escalated ? 'escalated' : 'awaiting_mitigation', mitigation },
        );
      }
      for (const change of changes) {
        if (change.type === 'cycle-started') {
          await enqueueEvent(manager, TOPICS.plansEvents, {
            type: 'plans.cycle-started',
            source: 'tollgate/plans',
            subject: state.orgNodeId,
            data: { cycleId: state.cycleId, orgNodeId: state.orgNodeId, period: state.period, startedBy: state.startedBy, chairId: state.chairId, startedAt: storedInstant(state.startedAt) },
          });
        }
        // A step done may issue a paper to everyone who took part: the pre-read, then the minutes.
        const paper = change.type === 'step-completed' ? PAPER_OF_COMPLETED_STEP[change.step as SopStep] : undefined;
        if (paper) {
          const meeting = state.steps.find((step) => step.step === 'executive_sop')!;
          await this.tell(manager, state, 'plans.cycle-paper-issued', {
            cycleId: state.cycleId,
            orgNodeId: state.orgNodeId,
            period: state.period,
            paper,
            participants: cycleParticipants(state),
            meetingDueAt: storedInstant(meeting.dueAt),
            issuedAt: new Date().toISOString(),
          });
        }
        if (change.type === 'escalated') {
          for (const escalation of change.escalations) {
            const exception = state.exceptions.find((candidate) => candidate.exceptionId === escalation.subject);
            await this.tell(manager, state, 'plans.cycle-escalated', {
              cycleId: state.cycleId,
              orgNodeId: state.orgNodeId,
              period: state.period,
              kind: escalation.kind,
              subject: escalation.subject,
              exceptionKind: exception?.kind ?? null,
              ownerId: escalation.ownerId,
              escalatedTo: escalation.escalatedTo,
              escalatedAt: storedInstant(escalation.at),
            });
          }
        }
        if (change.type === 'step-reminded') {
          const step = state.steps.find((candidate) => candidate.step === change.step);
          if (step?.dueAt && step.remindedAt && step.step !== 'published') {
            await this.tell(manager, state, 'plans.cycle-step-due', {
              cycleId: state.cycleId,
              orgNodeId: state.orgNodeId,
              period: state.period,
              step: step.step,
              ownerId: step.ownerId,
              dueAt: storedInstant(step.dueAt),
              remindedAt: storedInstant(step.remindedAt),
            });
          }
        }
        if (change.type === 'decision-recorded') {
          const decision = state.decisions.find((candidate) => candidate.decisionId === change.decisionId);
          if (decision) await recordDecision(manager, state.orgNodeId, state.cycleId, decision);
        }
      }
      return true;
    });
    if (announced) this.relay.relay.nudge();
  }

  /** Announces a change of the cycle and records who is told of it, in the projection's transaction. */
  private async tell<T extends 'plans.cycle-paper-issued' | 'plans.cycle-escalated' | 'plans.cycle-step-due'>(manager: EntityManager, state: SopCycleState, type: T, data: EventData<T>): Promise<void> {
    const announced = await enqueueEvent(manager, TOPICS.plansEvents, { type, source: 'tollgate/plans', subject: state.orgNodeId, data } as NewEvent<T>);
    await this.notices.record(manager, announced as EventEnvelope);
  }
}
