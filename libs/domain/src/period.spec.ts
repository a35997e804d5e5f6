import { isPeriod } from './period';
import { isCurrencyCode, isMinorUnitAmount } from './money';
import { isStage } from './stage';

describe('periods, money and stages', () => {
  it.each(['2026-01', '2026-12', '1999-07'])('accepts the period %s', (period) => {
    expect(isPeriod(period)).toBe(true);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-01', '2026/01', '', 202601])('refuses %p as a period', (period) => {
    expect(isPeriod(period)).toBe(false);
  });

  it('takes amounts as whole minor units only', () => {
    expect(isMinorUnitAmount(125_000)).toBe(true);
    expect(isMinorUnitAmount(-50)).toBe(true);
    expect(isMinorUnitAmount(12.5)).toBe(false);
    expect(isMinorUnitAmount('100')).toBe(false);
    expect(isMinorUnitAmount(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
  });

  it('knows ISO 4217 shaped currency codes', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });

  it('knows the six stages of the Degree of Implementation', () => {
    expect([0, 1, 2, 3, 4, 5].every(isStage)).toBe(true);
    expect(isStage(6)).toBe(false);
    expect(isStage(-1)).toBe(false);
    expect(isStage(2.5)).toBe(false);
  });
});
