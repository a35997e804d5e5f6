/** The shapes the plans service answers for S&OP cycles, plans of record and forecast accuracy. */
export const SOP_STEP_NAMES: Record<string, string> = {
  data_gathering: 'Data gathering',
  demand_review: 'Demand review',
  supply_review: 'Supply review',
  pre_sop: 'Pre-S&OP',
  executive_sop: 'Executive S&OP',
  published: 'Published',
};

export interface SopStepView {
  step: string;
  ownerId: string;
  startedAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
  overdue: boolean;
}

export interface SopDecisionView {
  decisionId: string;
  kind: string;
  subject: string | null;
  rationale: string;
  decidedBy: string;
  decidedAt: string;
  outcome: string[] | null;
}

export interface SopEscalationView {
  kind: 'step_overdue' | 'mitigation_missing';
  subject: string;
  ownerId: string;
  escalatedTo: string;
  at: string;
}

export interface SopCycleView {
  id: string;
  orgNodeId: string;
  period: string;
  step: string;
  chairId: string;
  startedBy: string;
  startedAt: string;
  steps: SopStepView[];
  mitigationDueAt: string | null;
  exceptions: number;
  escalations: SopEscalationView[];
  decisions: SopDecisionView[];
}

export interface SopExceptionView {
  id: string;
  kind: 'forecast_below_plan' | 'forecast_above_plan' | 'forecast_below_target' | 'demand_exceeds_capacity' | 'initiative_escalated';
  subject: string;
  subjectName: string | null;
  period: string;
  reference: number | null;
  actual: number | null;
  deviation: number | null;
  ownerId: string;
  state: 'awaiting_mitigation' | 'mitigated' | 'escalated';
  mitigation: { action: string; ownerId: string; dueDate: string; submittedBy: string; submittedAt: string } | null;
}

export interface SopPivotView {
  programId: string;
  programName: string | null;
  initiativeId: string;
  title: string | null;
  move: 'accelerate' | 'keep' | 'hold' | 'resume';
  score: number;
}

export interface SopAgenda {
  cycleId: string;
  step: string;
  mitigationDueAt: string | null;
  exceptions: SopExceptionView[];
  escalations: SopEscalationView[];
  pivots: SopPivotView[];
}

export interface PlanOfRecord {
  id: string;
  currency: string;
  targets: Array<{ period: string; amount: number }>;
  demand: Array<{ family: string; period: string; volume: number }>;
  capacity: Array<{ family: string; period: string; volume: number }>;
}

export interface FamilyAccuracy {
  family: string;
  mape: number | null;
  wmape: number | null;
  bias: number | null;
  points: Array<{ period: string; forecast: number; actual: number }>;
}

export interface ForecastAccuracyView {
  planId: string;
  families: FamilyAccuracy[];
}
