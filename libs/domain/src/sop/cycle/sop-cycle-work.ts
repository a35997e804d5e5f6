import { currentStep, type SopCycleState, type SopDecision, type SopDecisionKind, type SopStep } from './sop-cycle-state';

export type SopStepWork = 'raise-exceptions' | 'propose-pivots';

/** What the engine computes as a step begins: pre-S&OP raises the period's exceptions, the executive S&OP gets ranked pivots. */
export const SOP_STEP_WORK: Partial<Record<SopStep, SopStepWork>> = { pre_sop: 'raise-exceptions', executive_sop: 'propose-pivots' };

/** The work the step the cycle has just entered asks for, if any. */
export function workOfCurrentStep(state: SopCycleState): SopStepWork | null {
  return SOP_STEP_WORK[currentStep(state).step] ?? null;
}

/** Decisions the plans service carries out (a pivot's holds and resumes, a promoted scenario); the others are recorded only. */
export const SOP_DECISIONS_CARRIED_OUT: readonly SopDecisionKind[] = ['approve_pivot', 'promote_scenario'];

export interface SopDecisionWork {
  decision: SopDecision;
  moves: { initiativeId: string; move: 'hold' | 'resume' }[];
}

/** What carrying a decision out takes, or null when it is recorded only. */
export function decisionWork(state: SopCycleState, decision: SopDecision): SopDecisionWork | null {
  if (!SOP_DECISIONS_CARRIED_OUT.includes(decision.kind)) return null;
  return { decision, moves: decision.kind === 'approve_pivot' ? pivotMoves(state, decision.subject!) : [] };
}

/** The lifecycle moves an approved pivot applies: accelerating and keeping change nothing in the lifecycle. */
export function pivotMoves(state: SopCycleState, programId: string): { initiativeId: string; move: 'hold' | 'resume' }[] {
  return state.pivots
    .filter((pivot) => pivot.programId === programId && (pivot.move === 'hold' || pivot.move === 'resume'))
    .map((pivot) => ({ initiativeId: pivot.initiativeId, move: pivot.move as 'hold' | 'resume' }));
}
