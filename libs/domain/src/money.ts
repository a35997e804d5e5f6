/** Money is an integer of the currency's minor units (cents) with an ISO 4217 code. */
export const DEFAULT_CURRENCY = 'EUR';

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

export function isMinorUnitAmount(value: unknown): value is number {
  return Number.isSafeInteger(value);
}
