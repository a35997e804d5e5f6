import type { SopExceptionKind } from '@tollgate/domain';

/** The steps of an S&OP cycle as people name them. */
export const SOP_STEP_NAMES: Record<string, string> = {
  data_gathering: 'Data gathering',
  demand_review: 'Demand review',
  supply_review: 'Supply review',
  pre_sop: 'Pre-S&OP',
  executive_sop: 'Executive S&OP',
  published: 'Published',
};

/** The kinds of S&OP exception as people name them. */
export const SOP_EXCEPTION_NAMES: Record<SopExceptionKind, string> = {
  forecast_below_plan: 'Forecast below plan',
  forecast_above_plan: 'Forecast above plan',
  forecast_below_target: 'Forecast below target',
  forecast_below_target_ytd: 'Year to date below target',
  demand_exceeds_capacity: 'Demand beyond capacity',
  initiative_escalated: 'Initiative escalated',
  gate_request_waiting: 'Gate request waiting',
  phantom_progress: 'Phantom progress',
  action_overdue: 'Action overdue',
};

/** An exception's kind as people name it; a kind the page does not know yet, as the service wrote it. */
export function exceptionName(kind: string): string {
  return (SOP_EXCEPTION_NAMES as Record<string, string>)[kind] ?? kind;
}

/** The kinds of S&OP decision as people name them. */
export const SOP_DECISION_NAMES: Record<string, string> = {
  approve_pivot: 'Pivot approved',
  reject_pivot: 'Pivot rejected',
  promote_scenario: 'Scenario promoted',
  accept_mitigation: 'Mitigation accepted',
  resolution: 'Resolution',
};

export function decisionName(kind: string): string {
  return SOP_DECISION_NAMES[kind] ?? kind;
}
