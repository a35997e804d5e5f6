/**
 * Why a command is refused. `kind` tells the caller how to answer: a person
 * without the right (forbidden), a command that does not fit the current
 * state (conflict), a business rule not met (unprocessable), or an unknown
 * part of the initiative (not_found).
 */
export type RuleViolationKind = 'forbidden' | 'conflict' | 'unprocessable' | 'not_found';

export interface RuleViolation {
  kind: RuleViolationKind;
  message: string;
  /** Every unmet criterion, when a gate's criteria are not met. */
  unmet?: string[];
}

export const forbidden = (message: string): RuleViolation => ({ kind: 'forbidden', message });
export const conflict = (message: string): RuleViolation => ({ kind: 'conflict', message });
export const unprocessable = (message: string, unmet?: string[]): RuleViolation =>
  unmet ? { kind: 'unprocessable', message, unmet } : { kind: 'unprocessable', message };
export const notFound = (message: string): RuleViolation => ({ kind: 'not_found', message });
