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
    return new OrgNodeError(OrgNodeErrorCode.Misplaced, 422, violation.message, violation.unmet);
  }

  static unknown(id: string): OrgNodeError {
    return new OrgNodeError(OrgNodeErrorCode.UnknownNode, 404, `org node ${id} not found`);
  }

  static duplicate(name: string): OrgNodeError {
    return new OrgNodeError(OrgNodeErrorCode.DuplicateName, 409, `a sibling named '${name}' already exists`);
  }
}
