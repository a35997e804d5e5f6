import type {
  DecisionCheck,
  DecisionClaim,
  Evidence,
  SopActionSpec,
  SopActionStatus,
  SopDecision,
  SopEscalation,
  SopExceptionFigures,
  SopExceptionKind,
  SopMitigation,
  SopPivotProposal,
  SopStep,
  SopStepState,
} from '@tollgate/domain';

// The answers of the plans service about S&OP cycles (`/api/sop-cycles`) and the S&OP work of a person; instants as UTC ISO-8601.

/** A step of a cycle: its owner, deadline, and who completed it, with what note. */
export type SopStepView = SopStepState;

/** A decision of the executive S&OP, with what carrying it out did. */
export type SopDecisionView = SopDecision & { actions: SopActionSpec[] };

/** A late step or a missing mitigation, and whom it reached. */
export type SopEscalationView = SopEscalation;

/** `GET /api/sop-cycles/:cycleId` (and the cycle a start answers): its steps, escalations and decisions. */
export interface SopCycleView {
  id: string;
  orgNodeId: string;
  period: string;
  step: SopStep;
  chairId: string;
  startedBy: string;
  startedAt: string;
  steps: SopStepView[];
  mitigationDueAt: string | null;
  /** How many exceptions the pre-S&OP raised: they are on the agenda. */
  exceptions: number;
  escalations: SopEscalationView[];
  decisions: SopDecisionView[];
}

/** `GET /api/sop-cycles?orgNodeId=`: the cycles of a node, newest period first. */
export interface SopCycleListView {
  orgNodeId: string;
  cycles: SopCycleView[];
}

/** An exception on the agenda, with its figures (money or volume by kind) and its mitigation. */
export interface SopExceptionView {
  id: string;
  kind: SopExceptionKind;
  subject: string;
  subjectName: string | null;
  period: string;
  reference: number | null;
  actual: number | null;
  deviation: number | null;
  ownerId: string;
  state: 'awaiting_mitigation' | 'mitigated' | 'escalated';
  mitigation: SopMitigation | null;
  /** What the deviation puts at risk, minor units; null for a gap in volumes. The agenda is ranked by it. */
  valueAtRisk: number | null;
  figures: SopExceptionFigures;
}

/** An exception as the rule for what is off plan finds it, on the node page as on the agenda. */
export interface OffPlanExceptionView {
  kind: SopExceptionKind;
  subject: string;
  subjectName: string | null;
  period: string;
  reference: number;
  actual: number;
  deviation: number;
  ownerId: string;
  valueAtRisk: number | null;
  figures: SopExceptionFigures;
}

/** `GET /api/org-nodes/:id/off-plan`: what is off plan under the node in a month, the most at risk first. */
export interface OffPlanView {
  orgNodeId: string;
  period: string;
  currency: string;
  asOf: string;
  total: number;
  exceptions: OffPlanExceptionView[];
}

/** An action a decision asked for, as `GET /api/sop-actions` lists it. */
export interface SopActionView {
  id: string;
  cycleId: string;
  orgNodeId: string;
  nodeName: string | null;
  period: string;
  decisionId: string;
  exceptionId: string | null;
  title: string;
  ownerId: string;
  chairId: string;
  dueDate: string;
  expectedEffect: string;
  doneWhen: string;
  valueAtRisk: number | null;
  status: SopActionStatus;
  /** Open with its due date passed. */
  overdue: boolean;
  openedAt: string;
  remindedAt: string | null;
  overdueAt: string | null;
  escalatedTo: string | null;
  done: { evidence: Evidence; by: string; at: string } | null;
  dropped: { reason: string; by: string; at: string } | null;
}

/** `GET /api/sop-actions`: overdue first, then by value at risk; `total` counts them all. */
export interface SopActionListView {
  total: number;
  actions: SopActionView[];
}

/** A proposed pivot of a program, with the names of its initiative and program. */
export interface SopPivotView extends SopPivotProposal {
  title: string | null;
  programName: string | null;
}

/** `GET /api/sop-cycles/:cycleId/agenda`: only the deviations, the escalations and the proposed pivots, best first. */
export interface SopAgendaView {
  cycleId: string;
  step: SopStep;
  mitigationDueAt: string | null;
  exceptions: SopExceptionView[];
  escalations: SopEscalationView[];
  pivots: SopPivotView[];
}

/** An exception of an open cycle still without a mitigation, that the caller owes (`as: 'owner'`) or waits in a cycle they chair. */
export interface MissingMitigationView {
  exceptionId: string;
  cycleId: string;
  orgNodeId: string;
  nodeName: string;
  period: string;
  kind: string;
  subject: string;
  subjectName: string | null;
  ownerId: string;
  escalated: boolean;
  as: 'owner' | 'chair';
  mitigationDueAt: string | null;
}

/** `GET /api/work/missing-mitigations`. */
export interface MissingMitigationsView {
  items: MissingMitigationView[];
}

/** An earlier decision as matters arising show it: with what became of each action it asked for. */
export interface MatterArisingDecisionView extends Omit<SopDecisionView, 'actions'> {
  actions: SopActionView[];
  /** Whether the figure it expected held on its day; null until then, or when it expected none. */
  check: DecisionCheck | null;
}

/** `GET /api/sop-cycles/:cycleId/matters-arising`: what earlier cycles of the node decided and asked for, and every action still open from them. */
export interface MattersArisingView {
  cycleId: string;
  earlier: { cycleId: string; period: string; decisions: MatterArisingDecisionView[] }[];
  openActions: SopActionView[];
}

/** `GET /api/org-nodes/:id/value-forecast-accuracy`: how well each owner (or program) forecast value, per horizon in months; ratios (0.12 is 12 %), null where nothing can be computed. */
/** Whose forecasts are judged together: an owner's, a program's or a business unit's. */
export type ForecastJudgedBy = 'owner' | 'program' | 'unit';

export interface ValueForecastAccuracyView {
  orgNodeId: string;
  by: ForecastJudgedBy;
  /** Months before this one are judged: finance has had them to confirm. */
  asOf: string;
  horizons: number[];
  rows: { by: string; name: string | null; horizon: number; mape: number | null; wmape: number | null; bias: number | null; periods: number }[];
}

/** A decision as the log across cycles shows it: what it expected by a date, and whether that held. */
export interface DecisionLogEntryView {
  decisionId: string;
  cycleId: string | null;
  orgNodeId: string;
  nodeName: string | null;
  kind: string;
  subject: string | null;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  outcome: string[];
  expects: DecisionClaim | null;
  /** Null until its day has come. */
  check: DecisionCheck | null;
}

/** `GET /api/sop-decisions`: newest first; per node, the share of checked decisions that met their claim. */
export interface DecisionLogView {
  total: number;
  nodes: { orgNodeId: string; name: string | null; decisions: number; checked: number; met: number; shareMet: number | null }[];
  decisions: DecisionLogEntryView[];
}

/** `GET /api/portfolio/initiatives/:initiativeId/recorded-forecasts`: its forecasts as each review recorded them, beside confirmed value; months before `asOf` are judged. */
export interface InitiativeForecastRecordView {
  initiativeId: string;
  asOf: string;
  /** Null until a review has recorded its forecast. */
  currency: string | null;
  /** Each month's forecast as a cycle recorded it, with each measure's share (none for a cycle that recorded before measures were kept). */
  recorded: { recordedIn: string; period: string; forecast: number; confirmed: number; judged: boolean; measures: { measureId: string; name: string; forecast: number }[] }[];
  accuracy: { horizon: number; mape: number | null; wmape: number | null; bias: number | null; periods: number }[];
}

/**
 * `GET /api/sop-cycles/:cycleId/pre-read` and `/minutes`: a cycle's paper.
 * The pre-read holds the agenda (ranked by value at risk, each exception's
 * figures and mitigation), the pivots proposed and the decisions sought; the
 * minutes hold the decisions with their rationales and the actions they ask
 * for; both say who took part.
 */
export interface SopCyclePaperView {
  paper: 'pre_read' | 'minutes';
  cycleId: string;
  orgNodeId: string;
  nodeName: string;
  period: string;
  chairId: string;
  /** When the step that issued it was completed. */
  issuedAt: string;
  meetingDueAt: string | null;
  currency: string;
  exceptions: SopExceptionView[];
  pivots: SopPivotView[];
  decisionsSought: (
    | { kind: 'accept_mitigation'; exceptionId: string; subjectName: string | null; action: string; ownerId: string; dueDate: string }
    | { kind: 'resolution'; exceptionId: string; subjectName: string | null; reason: 'no_mitigation' }
    | { kind: 'approve_pivot'; programId: string; subjectName: string | null; moves: number }
  )[];
  decisions: { decisionId: string; kind: string; subject: string | null; subjectName: string | null; rationale: string; decidedBy: string; decidedAt: string; outcome: string[] | null }[];
  actions: { id: string; title: string; ownerId: string; dueDate: string; status: string; expectedEffect: string; doneWhen: string }[];
  participants: string[];
}
