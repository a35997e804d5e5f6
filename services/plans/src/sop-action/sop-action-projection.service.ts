import { Injectable } from '@nestjs/common';
import { TOPICS, type EventEnvelope, type SopActionChange } from '@tollgate/contracts';
import type { SopActionState } from '@tollgate/domain';
import { enqueueEvent, OutboxRelayHost } from '@tollgate/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { NoticeRecorder } from '../notification/notice-recorder';
import { SopActionRecord } from './sop-action.entity';

/**
 * The action's row follows its workflow: each projection carries the whole
 * state and a version; an older or repeated one changes nothing, so a
 * retried activity never announces a change twice. Each change is a
 * `plans.action-*` event: the node's record of what its decisions asked for
 * and what became of it.
 */
@Injectable()
export class SopActionProjection {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayHost,
    private readonly notices: NoticeRecorder,
  ) {}

  async project(state: SopActionState, changes: SopActionChange[]): Promise<void> {
    const announced = await this.dataSource.transaction(async (manager) => {
      const known = await manager.findOne(SopActionRecord, { where: { id: state.actionId }, lock: { mode: 'pessimistic_write' } });
      if (known && known.version >= state.version) return false;
      await manager.save(
        manager.create(SopActionRecord, {
          id: state.actionId,
          cycleId: state.cycleId,
          orgNodeId: state.orgNodeId,
          period: state.period,
          decisionId: state.decisionId,
          exceptionId: state.exceptionId,
          title: state.title,
          ownerId: state.ownerId,
          chairId: state.chairId,
          dueDate: state.dueDate,
          expectedEffect: state.expectedEffect,
          doneWhen: state.doneWhen,
          valueAtRisk: state.valueAtRisk,
          status: state.status,
          openedAt: new Date(state.openedAt),
          remindedAt: state.remindedAt ? new Date(state.remindedAt) : null,
          overdueAt: state.overdueAt ? new Date(state.overdueAt) : null,
          escalatedTo: state.escalatedTo,
          done: state.done,
          dropped: state.dropped,
          version: state.version,
        }),
      );
      for (const change of changes) await this.notices.record(manager, await announce(manager, state, change));
      return changes.length > 0;
    });
    if (announced) this.relay.relay.nudge();
  }
}

async function announce(manager: EntityManager, state: SopActionState, change: SopActionChange): Promise<EventEnvelope> {
  const action = {
    actionId: state.actionId,
    decisionId: state.decisionId,
    cycleId: state.cycleId,
    orgNodeId: state.orgNodeId,
    ownerId: state.ownerId,
    chairId: state.chairId,
    title: state.title,
    dueDate: state.dueDate,
  };
  const event = (() => {
    switch (change.type) {
      case 'opened':
        return {
          type: 'plans.action-opened' as const,
          data: { ...action, expectedEffect: state.expectedEffect, doneWhen: state.doneWhen, exceptionId: state.exceptionId, openedAt: state.openedAt },
        };
      case 'reminded':
        return { type: 'plans.action-reminded' as const, data: { ...action, remindedAt: state.remindedAt! } };
      case 'overdue':
        return { type: 'plans.action-overdue' as const, data: { ...action, escalatedTo: state.escalatedTo!, overdueAt: state.overdueAt! } };
      case 'done':
        return { type: 'plans.action-done' as const, data: { ...action, doneBy: state.done!.by, doneAt: state.done!.at, evidence: state.done!.evidence } };
      case 'dropped':
        return { type: 'plans.action-dropped' as const, data: { ...action, droppedBy: state.dropped!.by, droppedAt: state.dropped!.at, reason: state.dropped!.reason } };
    }
  })();
  return enqueueEvent(manager, TOPICS.plansEvents, { ...event, source: 'tollgate/plans', subject: state.orgNodeId } as Parameters<typeof enqueueEvent>[2]);
}
