import type { RuleViolation } from '@tollgate/domain';
import { DomainError, STATUS_OF_VIOLATION } from '@tollgate/platform';

export enum ConfirmationErrorCode {
  RuleViolated = 'rule_violated',
  UnknownInitiative = 'unknown_initiative',
  ReusedId = 'confirmation_id_reused',
  NoPendingClosure = 'no_pending_closure',
}

/** The one exception of confirmations: REST answers with its status, the inbound consumer dead-letters with its message. */
export class ConfirmationError extends DomainError {

  static violated(violation: RuleViolation): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.RuleViolated, STATUS_OF_VIOLATION[violation.kind], violation.message);
  }

  static unknownInitiative(initiativeId: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.UnknownInitiative, 404, `initiative ${initiativeId} is not known to finance`);
  }

  static reused(id: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.ReusedId, 409, `${id} was already used for a different confirmation`);
  }

  static noPendingClosure(initiativeId: string, state: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.NoPendingClosure, 409, `initiative ${initiativeId} has no closure pending confirmation (closure: ${state})`);
  }
}
