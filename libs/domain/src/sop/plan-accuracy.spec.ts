import { accuracyByFamily } from './plan-accuracy';
import type { PlanCell } from './plan-cell';

describe('forecast accuracy of a plan', () => {
  const plan: PlanCell[] = [
    { line: 'demand', family: 'bikes', period: '2027-01', amount: 110 },
    { line: 'demand', family: 'bikes', period: '2027-02', amount: 170 },
    { line: 'demand', family: 'bikes', period: '2027-03', amount: 50 },
    { line: 'demand', family: 'cars', period: '2027-01', amount: 90 },
    // Capacity is no forecast, whatever its figures.
    { line: 'capacity', family: 'trucks', period: '2027-01', amount: 10 },
  ];

  it('compares the demand line with the actuals, family by family, over the periods that have both', () => {
    const accuracy = accuracyByFamily(plan, [
      { family: 'bikes', period: '2027-02', volume: 200 },
      { family: 'bikes', period: '2027-01', volume: 100 },
      { family: 'bikes', period: '2027-03', volume: 50 },
      { family: 'bikes', period: '2027-04', volume: 80 }, // no forecast for it
      { family: 'cars', period: '2027-01', volume: 100 },
      { family: 'trucks', period: '2027-01', volume: 12 },
    ]);
    expect(accuracy).toEqual([
      {
        family: 'bikes',
        points: [
          { period: '2027-01', forecast: 110, actual: 100 },
          { period: '2027-02', forecast: 170, actual: 200 },
          { period: '2027-03', forecast: 50, actual: 50 },
        ],
        mape: 0.0833,
        wmape: 0.1143,
        bias: -0.0571,
      },
      { family: 'cars', points: [{ period: '2027-01', forecast: 90, actual: 100 }], mape: 0.1, wmape: 0.1, bias: -0.1 },
    ]);
  });

  it('keeps to the range, both ends included', () => {
    const actuals = [
      { family: 'bikes', period: '2027-01', volume: 100 },
      { family: 'bikes', period: '2027-02', volume: 200 },
      { family: 'bikes', period: '2027-03', volume: 50 },
    ];
    expect(accuracyByFamily(plan, actuals, { from: '2027-02', to: '2027-03' })[0].points.map((point) => point.period)).toEqual(['2027-02', '2027-03']);
    expect(accuracyByFamily(plan, actuals, { to: '2027-01' })[0].points.map((point) => point.period)).toEqual(['2027-01']);
    expect(accuracyByFamily(plan, actuals, { from: '2028-01' })).toEqual([]);
  });
});
