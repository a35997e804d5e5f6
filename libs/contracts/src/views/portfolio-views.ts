import type { LedgerPeriod, PhantomProgressReason, Stage, StageFigures, WaterfallStep } from '@tollgate/domain';

// The answers of the plans service about the portfolio under a node (`/api/portfolio/*`); money in minor units of `currency`.

/** `GET /api/portfolio/summary`: count and value per stage, and their total. */
export interface PortfolioSummaryView {
  orgNodeId: string;
  currency: string;
  total: Omit<StageFigures, 'stage'>;
  byStage: StageFigures[];
}

/** One initiative of the portfolio, its value in its own currency. */
export interface PortfolioInitiativeView {
  initiativeId: string;
  programId: string;
  title: string;
  stage: Stage;
  status: string;
  ownerId: string;
  sponsorId: string;
  currency: string;
  planned: number;
  forecast: number;
  confirmed: number;
  /** When it reached stage 4 (Implemented), UTC ISO-8601; null below stage 4. */
  implementedAt: string | null;
  closedAt: string | null;
  /** The late milestone and the rung its escalation reached, while escalated. */
  escalation: { milestoneId: string; title: string; dueDate: string; level: number } | null;
  /** Its gate request still waiting: the keys it waits for (one list a slot), and who holds the controller's (absent from requests recorded before it was kept). */
  waitingGate: { gateRequestId: string; targetStage: number; submittedAt: string; keys: string[][]; controllerId?: string | null } | null;
}

/** `GET /api/portfolio/initiatives`: what a node's figures are made of, the largest planned value first; `total` counts them all. */
export interface PortfolioInitiativesView {
  orgNodeId: string;
  currency: string;
  stage: number | null;
  total: number;
  initiatives: PortfolioInitiativeView[];
}

/** `GET /api/portfolio/realization`: benefit realization of the decided initiatives, and the largest leaks among the closed ones. */
export interface PortfolioRealizationView {
  orgNodeId: string;
  currency: string;
  initiatives: number;
  baseline: number;
  confirmed: number;
  benefitRealizationRate: number | null;
  leakage: number | null;
  closedTotal: number;
  closed: Array<{
    initiativeId: string;
    programId: string;
    title: string;
    ownerId: string;
    sponsorId: string;
    closedAt: string | null;
    baseline: number;
    confirmed: number;
    benefitRealizationRate: number | null;
    leakage: number;
  }>;
}

/** `GET /api/portfolio/phantom-progress`: the initiatives off plan, each with its reasons, the widest gap first; `total` counts them all. */
export interface PhantomProgressView {
  orgNodeId: string;
  currency: string;
  asOf: string;
  /** How long an implemented initiative may wait for confirmed value, as an ISO-8601 duration. */
  unconfirmedAfter: string;
  total: number;
  initiatives: Array<PortfolioInitiativeView & { reasons: PhantomProgressReason[] }>;
}

/** One period's value at one DoI stage. */
export interface StagePeriodValue {
  stage: number;
  planned: number;
  forecast: number;
  confirmed: number;
}

/** `GET /api/portfolio/values`: value per period over the range; `byStage` when asked for with `by=stage`, the stages holding value in the period. */
export interface PortfolioValuesView {
  orgNodeId: string;
  currency: string;
  from: string;
  to: string;
  periods: Array<LedgerPeriod & { byStage?: StagePeriodValue[] }>;
}

/** `GET /api/portfolio/waterfall`: the target, the value standing at each stage from 5 down to 0, then the gap. */
export interface TargetWaterfallView {
  orgNodeId: string;
  currency: string;
  from: string;
  to: string;
  /** The plan of record the target comes from; null without one in the currency (the target is then 0). */
  targetPlanId: string | null;
  steps: WaterfallStep[];
}
