import { missingKeys, missingKeySlots, plannedValueOf, totalForecast, type GateRequest, type LifecycleState } from '@tollgate/domain';
import type { GateRequestRecord } from '../gate/gate-request.entity';
import type { Initiative } from '../projection/initiative.entity';
import type { GateView, InitiativeSummaryView, InitiativeView } from '@tollgate/contracts/views';

/** An initiative as the API shows it: execution progress apart from value realized. */
export function initiativeView(row: Initiative, gates: GateRequestRecord[]): InitiativeView {
  const state: LifecycleState = row.state;
  return {
    id: row.id,
    code: row.code,
    title: state.title,
    programId: state.programId,
    category: state.category,
    stage: state.stage,
    status: state.status,
    ownerId: state.ownerId,
    sponsorId: state.sponsorId,
    controllerId: state.controllerId,
    currency: state.currency,
    measures: state.measures,
    oneTimeCosts: state.oneTimeCosts,
    milestones: state.milestones,
    gates: gates.map(gateView),
    closure: state.closure,
    plannedValue: plannedValueOf(state),
    forecastValue: totalForecast(state.measures),
    confirmedValue: row.confirmedValue,
    baselineFrozenAt: state.baselineFrozenAt,
    escalation: state.escalation,
    hold: state.hold,
    cancellation: state.cancellation,
    workflowId: row.workflowId,
    revision: state.revision,
    createdAt: state.createdAt,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function gateView(gate: GateRequestRecord): GateView {
  return {
    id: gate.id,
    targetStage: gate.targetStage,
    state: gate.state,
    submittedBy: gate.submittedBy,
    submittedAt: gate.submittedAt.toISOString(),
    evidence: gate.evidence,
    approvals: gate.approvals,
    missingKeys: gate.state === 'pending' ? missingKeys(gate) : [],
    // The same as data: the keys (roles) that would fill each missing slot, for pages to offer decisions by.
    missingKeySlots: gate.state === 'pending' ? missingKeySlots(gate) : [],
    rejection: gate.rejection,
    decidedAt: gate.decidedAt?.toISOString() ?? null,
  };
}

/** One line of a page of initiatives. */
export function initiativeSummary(row: Initiative): InitiativeSummaryView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    programId: row.programId,
    stage: row.stage,
    status: row.status,
    ownerId: row.ownerId,
    sponsorId: row.sponsorId,
    controllerId: row.controllerId,
    closure: { state: row.closureState },
    currency: row.currency,
    plannedValue: row.plannedValue,
    forecastValue: row.forecastValue,
    confirmedValue: row.confirmedValue,
    escalation: row.state.escalation,
    // The owner's list must show a gate turned down without opening each initiative.
    lastGate: lastGate(row.state.gateRequests),
  };
}

function lastGate(requests: readonly GateRequest[] | undefined) {
  const last = requests?.at(-1);
  return last ? { id: last.id, targetStage: last.targetStage, state: last.state, rejection: last.rejection } : null;
}
