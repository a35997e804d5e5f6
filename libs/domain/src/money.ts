/** Money is an integer of the currency's minor units (cents) with an ISO 4217 code. */
export const DEFAULT_CURRENCY = 'EUR';

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

export function isMinorUnitAmount(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** How many digits a currency's minor unit has: 2 for EUR, 0 for JPY, 3 for KWD (ISO 4217, as Intl knows it). */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount of minor units in major units (cents to euros), for people and spreadsheets. */
export function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

/**
 * Major units as people write them (`1234.5`, `1 234,50` is not accepted)
 * in minor units, exactly; or why not: more decimals than the currency has,
 * or beyond what is kept exactly.
 */
export function minorUnitsOf(major: number | string, currency: string): { ok: true; minor: number } | { ok: false; reason: string } {
  const digits = minorUnitDigits(currency);
  const text = typeof major === 'number' ? (Number.isFinite(major) ? major.toFixed(Math.min(digits + 6, 20)) : 'NaN') : major.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, reason: `expected an amount in ${currency} such as 1234.50` };
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: `${currency} has ${digits} decimal${digits === 1 ? '' : 's'}; the amount has more` };
  const minor = Number(`${match[1]}${match[2]}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'the amount is beyond what is kept exactly' };
  return { ok: true, minor: minor === 0 ? 0 : minor };
}
