import { DomainError } from '@tollgate/platform';

export enum PlanErrorCode {
  UnknownPlan = 'unknown_plan',
  NoPlanOfRecord = 'no_plan_of_record',
  CurrencyFixed = 'currency_fixed',
  NotAScenario = 'not_a_scenario',
  RepeatedCells = 'repeated_cells',
  RationaleMissing = 'rationale_missing',
}

/** The one exception of plans, scenarios and actuals. */
export class PlanError extends DomainError {
  static unknown(id: string): PlanError {
    return new PlanError(PlanErrorCode.UnknownPlan, 'not_found', `plan ${id} not found`);
  }

  /** Not found where the plan of record is what is asked for; unprocessable where something needs it to exist first. */
  static noPlanOfRecord(nodeId: string, kind: 'not_found' | 'unprocessable'): PlanError {
    return new PlanError(PlanErrorCode.NoPlanOfRecord, kind, `org node ${nodeId} has no plan of record`);
  }

  static currencyFixed(currency: string): PlanError {
    return new PlanError(PlanErrorCode.CurrencyFixed, 'conflict', `the plan is in ${currency}: its currency is set when it is created and does not change`);
  }

  static notAScenario(id: string, kind: string): PlanError {
    return new PlanError(PlanErrorCode.NotAScenario, 'conflict', `plan ${id} is no longer a scenario: it is ${kind === 'record' ? 'the plan of record' : 'superseded'}`);
  }

  static repeatedCells(unmet: string[]): PlanError {
    return new PlanError(PlanErrorCode.RepeatedCells, 'unprocessable', `a cell may be given once in a change: ${unmet.join('; ')}`, unmet);
  }

  static rationaleMissing(): PlanError {
    return new PlanError(PlanErrorCode.RationaleMissing, 'unprocessable', 'a promotion is a decision: its rationale is required', ['rationale must not be blank']);
  }
}
