import { formatMoney, formatMoneyShort, formatRate, minorUnitsPerMajor } from './money';
import { formatDuration, formatPeriod, periodOf, periodsBetween, shiftPeriod } from './period';

describe('money as people read it', () => {
  // Intl puts a no-break space between the code and the number, so that a figure never wraps apart.
  it('shows minor units in major units with the code and grouped thousands', () => {
    expect(formatMoney(123_456_789, 'EUR')).toBe('EUR\u00a01,234,567.89');
    expect(formatMoney(0, 'USD')).toBe('USD\u00a00.00');
  });

  it('knows currencies without minor units', () => {
    expect(minorUnitsPerMajor('JPY')).toBe(1);
    expect(formatMoney(1_500_000, 'JPY')).toBe('JPY\u00a01,500,000');
  });

  it('marks a negative amount by its sign, not by colour alone', () => {
    expect(formatMoney(-250_000, 'EUR')).toBe('-EUR\u00a02,500.00');
    expect(formatMoneyShort(-125_000_000, 'EUR')).toBe('EUR\u00a0-1.3m');
  });

  it('rounds headline figures and says when a rate cannot be computed', () => {
    expect(formatMoneyShort(123_456_789, 'EUR')).toBe('EUR\u00a01.2m');
    expect(formatRate(0.87345)).toBe('87.3 %');
    expect(formatRate(null)).toBe('n/a');
  });
});

describe('periods as months', () => {
  it('reads YYYY-MM as a month', () => {
    expect(formatPeriod('2027-03')).toBe('Mar 2027');
    expect(formatPeriod('nonsense')).toBe('nonsense');
  });

  it('says a duration in words', () => {
    expect(formatDuration('P60D')).toBe('60 days');
    expect(formatDuration('P1W')).toBe('1 week');
    expect(formatDuration('P2WT12H')).toBe('2 weeks 12 hours');
    expect(formatDuration('P1M')).toBe('P1M');
  });

  it('lists the periods of a range across a year end, and moves a period by months', () => {
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2027-02', '2026-11')).toEqual([]);
    expect(shiftPeriod('2027-01', -2)).toBe('2026-11');
    expect(periodOf(new Date(Date.UTC(2027, 11, 31, 23)))).toBe('2027-12');
  });
});
