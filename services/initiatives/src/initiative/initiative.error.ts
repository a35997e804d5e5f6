import type { RuleViolation } from '@tollgate/domain';
import { DomainError } from '@tollgate/platform';

/** What can go wrong with an initiative command, beside the domain's rule violations. */
export enum InitiativeErrorCode {
  RuleViolated = 'rule_violated',
  UnknownInitiative = 'unknown_initiative',
  UnknownProgram = 'unknown_program',
  LifecycleEnded = 'lifecycle_ended',
  LifecycleUnavailable = 'lifecycle_unavailable',
  RevisionNotReached = 'revision_not_reached',
}

/** The one exception of the initiative concept; the filter turns it into the contract's JSON error. */
export class InitiativeError extends DomainError {

  static violated(violation: RuleViolation): InitiativeError {
    return new InitiativeError(InitiativeErrorCode.RuleViolated, violation.kind, violation.message, violation.unmet);
  }

  static unknownInitiative(id: string): InitiativeError {
    return new InitiativeError(InitiativeErrorCode.UnknownInitiative, 'not_found', `initiative ${id} not found`);
  }

  static unknownProgram(programId: string): InitiativeError {
    return new InitiativeError(
      InitiativeErrorCode.UnknownProgram,
      'unprocessable',
      `program ${programId} is not known: create it in the plans service first (an org node of kind 'program')`,
      [`program ${programId} is not known`],
    );
  }

  static ended(id: string, status: string): InitiativeError {
    return new InitiativeError(InitiativeErrorCode.LifecycleEnded, 'conflict', `initiative ${id} is ${status}; its lifecycle has ended`);
  }

  /** A read asked for a revision the initiative has not reached (or its trail had not, within the read's wait). */
  static revisionNotReached(id: string, asked: number, reached: number): InitiativeError {
    return new InitiativeError(
      InitiativeErrorCode.RevisionNotReached,
      'conflict',
      `initiative ${id} is at revision ${reached}: revision ${asked} was not reached within the read's wait; ask again, or without minRevision`,
    );
  }

  static unavailable(): InitiativeError {
    return new InitiativeError(InitiativeErrorCode.LifecycleUnavailable, 'unavailable', 'The lifecycle engine is unavailable; try again shortly');
  }
}
