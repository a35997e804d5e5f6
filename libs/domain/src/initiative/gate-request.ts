import type { Stage } from '../stage';
import type { Evidence } from './evidence';

/** Who may turn a key of a gate: the initiative's sponsor or controller, or any PMO user. */
export type GateKey = 'sponsor' | 'pmo' | 'controller';

export interface GateApproval {
  /** Which of the gate's slots the approval fills (stage 3 has two). */
  slot: number;
  key: GateKey;
  by: string;
  at: string;
  comment: string;
}

export type GateRequestState = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface GateRequest {
  id: string;
  targetStage: Stage;
  evidence: Evidence;
  submittedBy: string;
  submittedAt: string;
  state: GateRequestState;
  approvals: GateApproval[];
  rejection: { by: string; at: string; reason: string } | null;
  decidedAt: string | null;
}
