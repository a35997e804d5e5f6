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
    return new PlanError(PlanErrorCode.UnknownPlan, 404, `plan ${id} not found`);
  }

  /** 404 where the plan of record is what is asked for; 422 where something needs it to exist first. */
  static noPlanOfRecord(nodeId: string, statusCode: 404 | 422): PlanError {
    return new PlanError(PlanErrorCode.NoPlanOfRecord, statusCode, `org node ${nodeId} has no plan of record`);
  }

  static currencyFixed(currency: string): PlanError {
    return new PlanError(PlanErrorCode.CurrencyFixed, 409, `the plan is in ${currency}: its currency is set when it is created and does not change`);
  }

  static notAScenario(id: string, kind: string): PlanError {
    return new PlanError(PlanErrorCode.NotAScenario, 409, `plan ${id} is no longer a scenario: it is ${kind === 'record' ? 'the plan of record' : 'superseded'}`);
  }

  static repeatedCells(unmet: string[]): PlanError {
    return new PlanError(PlanErrorCode.RepeatedCells, 422, `a cell may be given once in a change: ${unmet.join('; ')}`, unmet);
  }

  static rationaleMissing(): PlanError {
    return new PlanError(PlanErrorCode.RationaleMissing, 422, 'a promotion is a decision: its rationale is required', ['rationale must not be blank']);
  }
}
