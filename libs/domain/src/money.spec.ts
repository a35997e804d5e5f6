import { majorUnits, minorUnitDigits, minorUnitsOf } from './money';

describe('money in major and minor units', () => {
  it('knows how many decimals a currency has', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('turns minor units into major ones and back, exactly', () => {
    expect(majorUnits(123_450, 'EUR')).toBe(1234.5);
    expect(majorUnits(500, 'JPY')).toBe(500);
    expect(minorUnitsOf(1234.5, 'EUR')).toEqual({ ok: true, minor: 123_450 });
    expect(minorUnitsOf('1234.50', 'EUR')).toEqual({ ok: true, minor: 123_450 });
    // A spreadsheet's binary noise is not a decimal the user wrote; a third decimal is.
    expect(minorUnitsOf(0.1 + 0.2, 'EUR')).toEqual({ ok: true, minor: 30 });
    expect(minorUnitsOf(0.125, 'EUR')).toEqual({ ok: false, reason: 'EUR has 2 decimals; the amount has more' });
    expect(minorUnitsOf(0.3, 'EUR')).toEqual({ ok: true, minor: 30 });
    expect(minorUnitsOf('12', 'JPY')).toEqual({ ok: true, minor: 12 });
    expect(minorUnitsOf('-7.25', 'USD')).toEqual({ ok: true, minor: -725 });
  });

  it('refuses what is no amount, more decimals than the currency has, and what is beyond exact', () => {
    expect(minorUnitsOf('12,50', 'EUR')).toMatchObject({ ok: false, reason: 'expected an amount in EUR such as 1234.50' });
    expect(minorUnitsOf('1.5', 'JPY')).toMatchObject({ ok: false, reason: 'JPY has 0 decimals; the amount has more' });
    expect(minorUnitsOf(1e20, 'EUR')).toMatchObject({ ok: false });
    expect(minorUnitsOf(Number.NaN, 'EUR')).toMatchObject({ ok: false });
  });
});
