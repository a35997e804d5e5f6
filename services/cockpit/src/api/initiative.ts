import type { GateKey } from '@tollgate/domain';
/** The shapes the initiatives and finance services answer for one initiative. */
export interface Evidence {
  text: string;
  links?: string[];
}

export interface GateView {
  id: string;
  targetStage: number;
  state: 'pending' | 'approved' | 'rejected';
  submittedBy: string;
  submittedAt: string;
  evidence: Evidence;
  approvals: Array<{ key: string; by: string; at: string; comment: string }>;
  missingKeys: string[];
  /** The keys that would fill each missing slot: `sponsor`, `controller`, `pmo`. */
  missingKeySlots: GateKey[][];
  rejection: { by: string; at: string; reason: string } | null;
  decidedAt: string | null;
}

export interface InitiativeView {
  id: string;
  code: string;
  title: string;
  programId: string;
  stage: number;
  status: string;
  ownerId: string;
  sponsorId: string;
  controllerId: string | null;
  currency: string;
  milestones: Array<{ id: string; title: string; dueDate: string; completedAt: string | null; completedBy: string | null }>;
  gates: GateView[];
  closure: { state: string; reason: string | null };
  plannedValue: number;
  forecastValue: number;
  confirmedValue: number;
  escalation: { milestoneId: string; level: 1 | 2 | 3; audience: string } | null;
  workflowId: string;
}

export interface AuditEntryView {
  revision: number;
  action: string;
  actorId: string;
  at: string;
  reason: string | null;
  evidence: Evidence | null;
}

export interface LedgerView {
  currency: string;
  periods: Array<{ period: string; planned: number; forecast: number; confirmed: number }>;
  totals: { planned: number; forecast: number; confirmed: number };
}

export interface InitiativePage {
  items: Array<
    Pick<InitiativeView, 'id' | 'code' | 'title' | 'stage' | 'status' | 'ownerId' | 'sponsorId' | 'currency' | 'plannedValue' | 'forecastValue' | 'confirmedValue' | 'escalation'> & {
      lastGate: Pick<GateView, 'id' | 'targetStage' | 'state' | 'rejection'> | null;
    }
  >;
  total: number;
}

export interface ConfirmationView {
  confirmationId: string;
  period: string;
  amount: number;
  currency: string;
  reference: string;
  controllerId: string;
  source: string;
  confirmedAt: string;
  delivery: { state: string; deliveredAt: string | null } | null;
}
