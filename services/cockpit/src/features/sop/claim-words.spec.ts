import { checkWords, claimWords } from './claim-words';

describe('a decision’s expected effect in words', () => {
  const capacity = { figure: 'family_capacity' as const, family: 'Chilled', from: '2027-05', atLeast: 15_000, by: '2027-05-01' };

  it('says the figure, its least value in its unit and the day it is checked', () => {
    expect(claimWords(capacity, 'EUR')).toBe('Chilled capacity at least 15,000 from May 2027, by 1 May 2027');
    expect(claimWords({ figure: 'node_confirmed', atLeast: 250_000_00, by: '2027-12-31' }, 'EUR')).toBe('value confirmed by finance this year at least EUR\u00a0250,000.00, by 31 Dec 2027');
  });

  it('says whether it held, with the figure read', () => {
    expect(checkWords(capacity, null, 'EUR')).toBe('to be checked on 1 May 2027');
    expect(checkWords(capacity, { met: false, expected: 15_000, actual: 12_600, checkedAt: '2027-05-01T00:00:00Z' }, 'EUR')).toBe('missed: 12,600 against 15,000');
    expect(checkWords(capacity, { met: true, expected: 15_000, actual: 15_200, checkedAt: '2027-05-01T00:00:00Z' }, 'EUR')).toBe('met (15,200)');
  });
});
