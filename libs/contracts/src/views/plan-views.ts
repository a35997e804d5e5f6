import type { FamilyForecastAccuracy, PlanKind } from '@tollgate/domain';

/** Volumes of one product family in one period. */
export interface FamilyVolume {
  family: string;
  period: string;
  volume: number;
}

/** A plan as the plans service answers it (`GET /api/org-nodes/:id/plan`): its lines sorted by family and period, money in minor units. */
export interface PlanView {
  id: string;
  orgNodeId: string;
  name: string;
  kind: PlanKind;
  currency: string;
  basedOnPlanId: string | null;
  createdBy: string;
  createdAt: string;
  /** How a scenario became the plan of record; null for one that did not. */
  promotion: { decidedBy: string | null; decidedAt: string; rationale: string | null } | null;
  targets: Array<{ period: string; amount: number }>;
  demand: FamilyVolume[];
  capacity: FamilyVolume[];
}

/** `GET /api/org-nodes/:id/forecast-accuracy`: the plan of record's demand against the actuals, family by family. */
export interface ForecastAccuracyView {
  orgNodeId: string;
  planId: string;
  from: string | null;
  to: string | null;
  families: FamilyForecastAccuracy[];
}
