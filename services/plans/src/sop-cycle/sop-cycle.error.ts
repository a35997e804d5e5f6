import type { RuleViolation } from '@tollgate/domain';
import { DomainError } from '@tollgate/platform';

export enum SopCycleErrorCode {
  RuleViolated = 'rule_violated',
  UnknownCycle = 'unknown_sop_cycle',
  NoSetup = 'no_sop_cycle_setup',
  BadSetup = 'bad_sop_cycle_setup',
  Published = 'sop_cycle_published',
  Unavailable = 'sop_cycle_unavailable',
  PaperNotIssued = 'sop_cycle_paper_not_issued',
}

/** The one exception of S&OP cycles, their setup, agenda and decisions. */
export class SopCycleError extends DomainError {
  static violated(violation: RuleViolation): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.RuleViolated, violation.kind, violation.message, violation.unmet);
  }

  static unknown(id: string): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.UnknownCycle, 'not_found', `S&OP cycle ${id} not found`);
  }

  static noSetup(nodeId: string, kind: 'not_found' | 'unprocessable'): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.NoSetup, kind, `org node ${nodeId} has no S&OP cycle setup: name each step's owner first (PUT /api/org-nodes/${nodeId}/sop-cycle-setup)`);
  }

  static badSetup(unmet: string[]): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.BadSetup, 'unprocessable', `the setup is not usable: ${unmet.join('; ')}`, unmet);
  }

  static published(id: string): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.Published, 'conflict', `S&OP cycle ${id} is published; it takes no more changes`);
  }

  static paperNotIssued(id: string, paper: string): SopCycleError {
    const when = paper === 'pre_read' ? 'pre-S&OP is done' : 'the cycle is published';
    return new SopCycleError(SopCycleErrorCode.PaperNotIssued, 'conflict', `S&OP cycle ${id} has no ${paper === 'pre_read' ? 'pre-read' : 'minutes'} until ${when}`);
  }

  static unavailable(): SopCycleError {
    return new SopCycleError(SopCycleErrorCode.Unavailable, 'unavailable', 'the S&OP cycle cannot be reached now; retry shortly');
  }
}
