import type { PlanCell } from './plan-cell';
import { comparePlans } from './plan-comparison';

describe('plan comparison', () => {
  const record: PlanCell[] = [
    { line: 'target', family: '', period: '2027-01', amount: 1_000_000 },
    { line: 'target', family: '', period: '2027-02', amount: 1_000_000 },
    { line: 'demand', family: 'bikes', period: '2027-01', amount: 500 },
    { line: 'capacity', family: 'bikes', period: '2027-01', amount: 450 },
  ];

  it('lists the cells that differ or stand on one side only, in plan order, with the totals of every line', () => {
    const scenario: PlanCell[] = [
      { line: 'target', family: '', period: '2027-01', amount: 1_000_000 },
      { line: 'target', family: '', period: '2027-02', amount: 1_200_000 },
      { line: 'demand', family: 'bikes', period: '2027-01', amount: 500 },
      { line: 'demand', family: 'bikes', period: '2027-02', amount: 520 },
    ];
    expect(comparePlans(record, scenario)).toEqual({
      differences: [
        { line: 'target', family: '', period: '2027-02', record: 1_000_000, scenario: 1_200_000, delta: 200_000 },
        { line: 'demand', family: 'bikes', period: '2027-02', record: null, scenario: 520, delta: 520 },
        { line: 'capacity', family: 'bikes', period: '2027-01', record: 450, scenario: null, delta: -450 },
      ],
      totals: [
        { line: 'target', record: 2_000_000, scenario: 2_200_000, delta: 200_000 },
        { line: 'demand', record: 500, scenario: 1_020, delta: 520 },
        { line: 'capacity', record: 450, scenario: 0, delta: -450 },
      ],
    });
  });

  it('finds nothing between a plan and its copy', () => {
    expect(comparePlans(record, [...record].reverse()).differences).toEqual([]);
    expect(comparePlans([], []).totals).toEqual([
      { line: 'target', record: 0, scenario: 0, delta: 0 },
      { line: 'demand', record: 0, scenario: 0, delta: 0 },
      { line: 'capacity', record: 0, scenario: 0, delta: 0 },
    ]);
  });
});
