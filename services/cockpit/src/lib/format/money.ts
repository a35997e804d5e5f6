/** How many minor units a currency's major unit has (100 for EUR, 1 for JPY), as Intl knows it. */
export function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/**
 * An amount of minor units in major units with the currency code and grouped
 * thousands: 123456789 EUR is "EUR 1,234,567.89". A negative amount keeps its
 * sign, so that it never depends on colour alone.
 */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', signDisplay: 'negative' }).format(minorUnits / minorUnitsPerMajor(currency));
}

/** The same, rounded to whole thousands or millions for headline figures and chart axes: "EUR 1.2m". */
export function formatMoneyShort(minorUnits: number, currency: string, locale = 'en-GB'): string {
  const major = minorUnits / minorUnitsPerMajor(currency);
  return `${currency}\u00a0${new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(major)}`;
}

/** A rate such as benefit realization, 0.8734 as "87.3 %"; a rate that cannot be computed yet as "n/a". */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return 'n/a';
  return `${(rate * 100).toFixed(1)} %`;
}

/** The currencies the pages offer to pick, the default first. */
export const OFFERED_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY'];
