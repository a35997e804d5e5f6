import { isCurrencyCode } from '../money';
import { isPeriod } from '../period';
import { findUnstorableText } from '../storable-text';
import type { ConfirmationRejection, ValueConfirmation } from './closure';
import type { PortfolioMove } from './side-moves';

export type PayloadReading<T> = { ok: true; value: T } | { ok: false; reason: string };

type Check = [field: string, valid: (value: unknown) => boolean, expected: string];

const text = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;
const identifier = (value: unknown) => typeof value === 'string' && value.trim().length > 0 && value.length <= 200;
const instant = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));

function read<T>(payload: unknown, checks: Check[]): PayloadReading<T> {
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'expected an object' };
  const record = payload as Record<string, unknown>;
  const unstorable = findUnstorableText(Object.fromEntries(checks.map(([field]) => [field, record[field]])));
  if (unstorable) return { ok: false, reason: `${unstorable.path}: ${unstorable.problem}` };
  const problems = checks.filter(([field, valid]) => !valid(record[field])).map(([field, , expected]) => `${field}: expected ${expected}`);
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return { ok: true, value: Object.fromEntries(checks.map(([field]) => [field, record[field]])) as T };
}

/**
 * Reads a finance confirmation arriving as a signal: signals are an edge,
 * so a payload is checked field by field and every problem named. Plain
 * checks rather than a schema library, because this runs in every workflow.
 */
export function readValueConfirmation(payload: unknown): PayloadReading<ValueConfirmation> {
  return read(payload, [
    ['confirmationId', identifier, 'an id'],
    ['period', isPeriod, 'a YYYY-MM period'],
    ['amount', (value) => Number.isSafeInteger(value) && (value as number) >= 0, 'a whole, non-negative number of minor units'],
    ['currency', isCurrencyCode, 'an ISO 4217 code'],
    ['controllerId', identifier, 'an id'],
    ['reference', text(500), 'a text of at most 500 characters'],
    ['confirmedAt', instant, 'an ISO-8601 instant'],
  ]);
}

export function readConfirmationRejection(payload: unknown): PayloadReading<ConfirmationRejection> {
  return read(payload, [
    ['confirmationId', identifier, 'an id'],
    ['controllerId', identifier, 'an id'],
    ['reason', (value) => typeof value === 'string' && value.trim().length > 0 && value.length <= 2000, 'a reason'],
    ['rejectedAt', instant, 'an ISO-8601 instant'],
  ]);
}

/** Reads a hold or resume decided by the executive S&OP, arriving as a signal from the plans service. */
export function readPortfolioMove(payload: unknown): PayloadReading<PortfolioMove> {
  return read(payload, [
    ['decisionId', identifier, 'an id'],
    ['move', (value) => value === 'hold' || value === 'resume', "'hold' or 'resume'"],
    ['decidedBy', identifier, 'an id'],
    ['reason', (value) => typeof value === 'string' && value.trim().length > 0 && value.length <= 2000, 'a reason'],
  ]);
}
