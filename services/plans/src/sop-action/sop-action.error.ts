import type { RuleViolation } from '@tollgate/domain';
import { DomainError } from '@tollgate/platform';

export enum SopActionErrorCode {
  RuleViolated = 'rule_violated',
  UnknownAction = 'unknown_sop_action',
  Closed = 'sop_action_closed',
  Unavailable = 'sop_action_unavailable',
}

/** The one exception of actions after the meeting. */
export class SopActionError extends DomainError {
  static violated(violation: RuleViolation): SopActionError {
    return new SopActionError(SopActionErrorCode.RuleViolated, violation.kind, violation.message, violation.unmet);
  }

  static unknown(id: string): SopActionError {
    return new SopActionError(SopActionErrorCode.UnknownAction, 'not_found', `action ${id} not found`);
  }

  static closed(id: string): SopActionError {
    return new SopActionError(SopActionErrorCode.Closed, 'conflict', `action ${id} is closed; it takes no more changes`);
  }

  static unavailable(): SopActionError {
    return new SopActionError(SopActionErrorCode.Unavailable, 'unavailable', 'the action cannot be reached now; retry shortly');
  }
}
