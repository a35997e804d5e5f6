import type { Instant } from '../../instant';
import type { SopCycleException, SopDecision, SopEscalation, SopMitigation, SopPivotProposal, SopStep } from './sop-cycle-state';

/** What has become true of a cycle; `evolve` is the one place a fact changes it. */
export type SopCycleFact =
  | { type: 'step-completed'; step: SopStep; by: string; note: string | null; at: Instant }
  | { type: 'exceptions-raised'; exceptions: SopCycleException[]; mitigationDueAt: Instant | null }
  | { type: 'pivots-proposed'; pivots: SopPivotProposal[] }
  | { type: 'mitigation-submitted'; exceptionId: string; mitigation: SopMitigation }
  | { type: 'decision-recorded'; decision: SopDecision }
  | { type: 'decision-carried-out'; decisionId: string; outcome: string[] }
  /** The plans service refused to carry it out (an unknown scenario): it is not one of the cycle's decisions. */
  | { type: 'decision-withdrawn'; decisionId: string }
  | { type: 'escalated'; escalations: SopEscalation[] }
  /** The current step's owner is told it is coming due, once. */
  | { type: 'step-reminded'; step: SopStep; ownerId: string; dueAt: Instant; at: Instant };
