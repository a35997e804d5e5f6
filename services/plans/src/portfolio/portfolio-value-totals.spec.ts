import { totalsDifference, type TotalCell } from './portfolio-value-totals';

const cell = (overrides: Partial<TotalCell>): TotalCell => ({ programId: 'p1', currency: 'EUR', stage: 2, period: '2027-03', planned: 0, forecast: 0, confirmed: 0, ...overrides });

describe('the difference an event makes to the totals', () => {
  it('moves an initiative’s value from its old stage to its new one when it passes a gate', () => {
    const before = [cell({ stage: 2, planned: 100, forecast: 90 })];
    const after = [cell({ stage: 3, planned: 100, forecast: 90 })];
    expect(totalsDifference(before, after)).toEqual([cell({ stage: 2, planned: -100, forecast: -90 }), cell({ stage: 3, planned: 100, forecast: 90 })]);
  });

  it('adds only what changed, and nothing for a cell that stays the same', () => {
    const before = [cell({ period: '2027-03', planned: 100 }), cell({ period: '2027-04', planned: 50 })];
    const after = [cell({ period: '2027-03', planned: 100 }), cell({ period: '2027-04', planned: 80, confirmed: 30 })];
    expect(totalsDifference(before, after)).toEqual([cell({ period: '2027-04', planned: 30, confirmed: 30 })]);
  });

  it('takes everything away when an initiative is cancelled, and orders the cells alike for every transaction', () => {
    const before = [cell({ programId: 'p2', period: '2027-01', planned: 5 }), cell({ programId: 'p1', stage: 4, period: '2027-02', planned: 7 }), cell({ programId: 'p1', stage: 1, period: '2027-09', planned: 3 })];
    expect(totalsDifference(before, []).map((difference) => [difference.programId, difference.stage, difference.period, difference.planned])).toEqual([
      ['p1', 1, '2027-09', -3],
      ['p1', 4, '2027-02', -7],
      ['p2', 2, '2027-01', -5],
    ]);
  });
});
