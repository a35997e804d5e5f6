import type { RuleViolation } from '@tollgate/domain';
import { DomainError } from '@tollgate/platform';

export enum OrgNodeErrorCode {
  Misplaced = 'misplaced',
  UnknownNode = 'unknown_org_node',
  DuplicateName = 'duplicate_name',
}

/** The one exception of the org hierarchy. */
export class OrgNodeError extends DomainError {

  static misplaced(violation: RuleViolation): OrgNodeError {
    return new OrgNodeError(OrgNodeErrorCode.Misplaced, 'unprocessable', violation.message, violation.unmet);
  }

  static unknown(id: string): OrgNodeError {
    return new OrgNodeError(OrgNodeErrorCode.UnknownNode, 'not_found', `org node ${id} not found`);
  }

  static duplicate(name: string): OrgNodeError {
    return new OrgNodeError(OrgNodeErrorCode.DuplicateName, 'conflict', `a sibling named '${name}' already exists`);
  }
}
