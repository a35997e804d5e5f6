/** The shapes the plans service answers for a node's portfolio. */
export interface StageFigures {
  stage: number;
  count: number;
  planned: number;
  forecast: number;
  confirmed: number;
}

export interface PortfolioSummary {
  orgNodeId: string;
  currency: string;
  total: Omit<StageFigures, 'stage'>;
  byStage: StageFigures[];
}

export interface PortfolioRealization {
  initiatives: number;
  baseline: number;
  confirmed: number;
  benefitRealizationRate: number | null;
  leakage: number | null;
}

export interface PortfolioInitiative {
  initiativeId: string;
  programId: string;
  title: string;
  stage: number;
  status: string;
  ownerId: string;
  currency: string;
  planned: number;
  forecast: number;
  confirmed: number;
  reasons?: string[];
}

export interface PhantomProgress {
  asOf: string;
  unconfirmedAfter: string;
  /** How many are off plan; `initiatives` lists those with the widest gap first. */
  total: number;
  initiatives: PortfolioInitiative[];
}

export interface PeriodValues {
  /** `byStage` when asked for with `by=stage`: the period's value at each DoI stage that holds any. */
  periods: Array<{ period: string; planned: number; forecast: number; confirmed: number; byStage?: Array<{ stage: number; planned: number; forecast: number; confirmed: number }> }>;
}

export interface Waterfall {
  targetPlanId: string | null;
  steps: Array<{ label: string; amount: number; cumulative: number }>;
}

export interface OrgNode {
  id: string;
  name: string;
  kind: 'organization' | 'business_unit' | 'program';
  parentId: string | null;
  path?: string[];
  children?: OrgNode[];
}
