/** `YYYY-MM`, the month 01 to 12. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A planning period is a calendar month written `YYYY-MM`. */
export type Period = string;

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && PERIOD_PATTERN.test(value);
}
