import type { RuleViolation } from '@tollgate/domain';
import { DomainError } from '@tollgate/platform';

export enum ConfirmationErrorCode {
  RuleViolated = 'rule_violated',
  UnknownInitiative = 'unknown_initiative',
  UnknownConfirmation = 'unknown_confirmation',
  ReusedId = 'confirmation_id_reused',
  NoPendingClosure = 'no_pending_closure',
}

/** The one exception of confirmations: REST answers by its kind, the inbound consumer dead-letters with its message. */
export class ConfirmationError extends DomainError {

  static unknownConfirmation(confirmationId: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.UnknownConfirmation, 'not_found', `confirmation ${confirmationId} not found`);
  }

  static violated(violation: RuleViolation): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.RuleViolated, violation.kind, violation.message);
  }

  static unknownInitiative(initiativeId: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.UnknownInitiative, 'not_found', `initiative ${initiativeId} is not known to finance`);
  }

  static reused(id: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.ReusedId, 'conflict', `${id} was already used for a different confirmation`);
  }

  static noPendingClosure(initiativeId: string, state: string): ConfirmationError {
    return new ConfirmationError(ConfirmationErrorCode.NoPendingClosure, 'conflict', `initiative ${initiativeId} has no closure pending confirmation (closure: ${state})`);
  }
}
