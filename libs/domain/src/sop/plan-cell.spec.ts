import { comparePlanCells, repeatedPlanCells, type PlanCell } from './plan-cell';

describe('plan cells', () => {
  it('sorts by line (target, demand, capacity), then family, then period', () => {
    const cells: PlanCell[] = [
      { line: 'capacity', family: 'bikes', period: '2027-01', amount: 1 },
      { line: 'demand', family: 'cars', period: '2027-01', amount: 1 },
      { line: 'demand', family: 'bikes', period: '2027-02', amount: 1 },
      { line: 'demand', family: 'bikes', period: '2027-01', amount: 1 },
      { line: 'target', family: '', period: '2027-03', amount: 1 },
    ];
    expect([...cells].sort(comparePlanCells).map((cell) => `${cell.line}/${cell.family}/${cell.period}`)).toEqual([
      'target//2027-03',
      'demand/bikes/2027-01',
      'demand/bikes/2027-02',
      'demand/cars/2027-01',
      'capacity/bikes/2027-01',
    ]);
  });

  it('names each cell that one change gives more than once, once', () => {
    expect(
      repeatedPlanCells([
        { line: 'target', family: '', period: '2027-01' },
        { line: 'target', family: '', period: '2027-01' },
        { line: 'target', family: '', period: '2027-01' },
        { line: 'demand', family: 'bikes', period: '2027-01' },
        { line: 'capacity', family: 'bikes', period: '2027-01' },
        { line: 'capacity', family: 'bikes', period: '2027-01' },
      ]),
    ).toEqual(['target 2027-01 is given more than once', 'capacity bikes 2027-01 is given more than once']);
    expect(repeatedPlanCells([{ line: 'demand', family: 'bikes', period: '2027-01' }, { line: 'capacity', family: 'bikes', period: '2027-01' }])).toEqual([]);
  });
});
