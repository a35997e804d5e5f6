import type { SopActionView } from '@tollgate/contracts/views';
import type { SopActionRecord } from './sop-action.entity';

/** An action as the API shows it: instants as UTC ISO-8601, and whether it is overdue today. */
export function actionView(record: SopActionRecord, now = Date.now(), names: ReadonlyMap<string, string> = new Map()): SopActionView {
  const today = new Date(now).toISOString().slice(0, 10);
  return {
    id: record.id,
    cycleId: record.cycleId,
    orgNodeId: record.orgNodeId,
    nodeName: names.get(record.orgNodeId) ?? null,
    period: record.period,
    decisionId: record.decisionId,
    exceptionId: record.exceptionId,
    title: record.title,
    ownerId: record.ownerId,
    chairId: record.chairId,
    dueDate: record.dueDate,
    expectedEffect: record.expectedEffect,
    doneWhen: record.doneWhen,
    valueAtRisk: record.valueAtRisk,
    status: record.status as SopActionView['status'],
    overdue: record.status === 'open' && record.dueDate < today,
    openedAt: record.openedAt.toISOString(),
    remindedAt: record.remindedAt?.toISOString() ?? null,
    overdueAt: record.overdueAt?.toISOString() ?? null,
    escalatedTo: record.escalatedTo,
    done: record.done,
    dropped: record.dropped,
  };
}
