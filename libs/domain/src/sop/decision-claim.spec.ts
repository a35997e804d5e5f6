import { checkClaim, claimDueAt, claimProblems, shareMet, type DecisionClaim } from './decision-claim';

describe('what a decision expects', () => {
  it('names what a claim lacks, field by field', () => {
    expect(claimProblems(null)).toEqual([]);
    expect(claimProblems({ figure: 'node_forecast', atLeast: 9_000_000_00, by: '2027-06-30' })).toEqual([]);
    expect(claimProblems({ figure: 'family_capacity', atLeast: -1, by: '2027-02-30', family: ' ', from: '2027-13' })).toEqual([
      'expects.atLeast: a whole number, 0 or more',
      'expects.by: the day it is checked (YYYY-MM-DD)',
      'expects.family: the product family',
      'expects.from: the month (YYYY-MM)',
    ]);
    expect(claimProblems({ figure: 'initiative_stage', atLeast: 6, by: '2027-06-30' })).toEqual(['expects.initiativeId: the initiative', 'expects.atLeast: a DoI stage, 0 to 5']);
    expect(claimProblems({ figure: 'mood', atLeast: 1, by: '2027-06-30' })).toEqual(['expects.figure: one of family_capacity, family_demand_actual, node_forecast, node_confirmed, initiative_stage']);
    expect(claimProblems({ figure: 'family_demand_actual', atLeast: 8_000, by: '2027-06-05' })).toEqual(['expects.family: the product family', 'expects.from: the month (YYYY-MM)']);
  });

  it('is met when the figure read on its day reaches what was expected, and says by how much it missed otherwise', () => {
    const claim: DecisionClaim = { figure: 'family_capacity', family: 'Chilled', from: '2027-01', atLeast: 15_000, by: '2027-01-01' };
    expect(claimDueAt(claim)).toBe(Date.UTC(2027, 0, 1));
    expect(checkClaim(claim, { actual: 15_000 }, Date.UTC(2027, 0, 1))).toEqual({ met: true, expected: 15_000, actual: 15_000, checkedAt: '2027-01-01T00:00:00.000Z' });
    expect(checkClaim(claim, { actual: 12_600 }, Date.UTC(2027, 0, 1))).toMatchObject({ met: false, actual: 12_600 });
    expect(shareMet([{ met: true }, { met: false }, { met: false }])).toBe(0.3333);
    expect(shareMet([])).toBeNull();
  });
});
