import type {
  AuditRecord,
  EscalationView,
  Evidence,
  GateApproval,
  GateKey,
  GateRequest,
  GateRequestState,
  InitiativeStatus,
  LifecycleState,
  Measure,
  Milestone,
  PeriodAmount,
  Stage,
} from '@tollgate/domain';

// The answers of the initiatives service (`/api/initiatives`, `/api/work`); money in minor units of the initiative's currency.

/** A gate request with its evidence, its keys turned and those still missing. */
export interface GateView {
  id: string;
  targetStage: Stage;
  state: GateRequestState;
  submittedBy: string;
  submittedAt: string;
  evidence: Evidence;
  approvals: GateApproval[];
  /** The keys still needed, as people read them; empty unless pending. */
  missingKeys: string[];
  /** The same as data: the keys that would fill each missing slot, for pages to offer decisions by. */
  missingKeySlots: GateKey[][];
  rejection: GateRequest['rejection'];
  decidedAt: string | null;
}

/** `GET /api/initiatives/:id`: one initiative, execution progress apart from value realized. */
export interface InitiativeView {
  id: string;
  code: string;
  title: string;
  programId: string;
  category: string;
  stage: Stage;
  status: InitiativeStatus;
  ownerId: string;
  sponsorId: string;
  controllerId: string | null;
  currency: string;
  measures: Measure[];
  oneTimeCosts: PeriodAmount[];
  milestones: Milestone[];
  gates: GateView[];
  closure: LifecycleState['closure'];
  plannedValue: number;
  forecastValue: number;
  confirmedValue: number;
  baselineFrozenAt: string | null;
  escalation: EscalationView | null;
  hold: LifecycleState['hold'];
  cancellation: LifecycleState['cancellation'];
  workflowId: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** One line of a page of initiatives, with its last gate so that a list shows one turned down. */
export interface InitiativeSummaryView {
  id: string;
  code: string;
  title: string;
  programId: string;
  stage: Stage;
  status: InitiativeStatus;
  ownerId: string;
  sponsorId: string;
  controllerId: string | null;
  closure: { state: string };
  currency: string;
  plannedValue: number;
  forecastValue: number;
  confirmedValue: number;
  escalation: EscalationView | null;
  lastGate: Pick<GateRequest, 'id' | 'targetStage' | 'state' | 'rejection'> | null;
}

/** `GET /api/initiatives`: a page of initiatives; `total` counts every one the filters match. */
export interface InitiativePageView {
  items: InitiativeSummaryView[];
  page: number;
  pageSize: number;
  total: number;
}

/** `POST /api/initiatives`: the initiative defined, at stage 0, its lifecycle started. */
export interface CreatedInitiativeView {
  id: string;
  code: string;
  stage: number;
  status: string;
  workflowId: string;
}

/** `GET /api/initiatives/:id/audit`: one change of the initiative, oldest first. */
export type AuditEntryView = Omit<AuditRecord, 'initiativeId'>;

/** A pending gate request that awaits the caller's key. */
export interface AwaitedGateView {
  initiativeId: string;
  code: string;
  title: string;
  stage: Stage;
  gateRequestId: string;
  targetStage: Stage;
  submittedBy: string;
  submittedAt: string;
  evidence: Evidence;
  missingKeys: string[];
}

/** `GET /api/work/gate-requests`. */
export interface AwaitedGatesView {
  items: AwaitedGateView[];
}
