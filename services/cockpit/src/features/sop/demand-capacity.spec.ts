import { demandCapacitySeries } from './demand-capacity';

describe('demand against capacity', () => {
  it('pairs demand and capacity per family and period, naming the shortfall and counting a missing side as 0', () => {
    const series = demandCapacitySeries({
      demand: [
        { family: 'Chilled', period: '2026-12', volume: 15_000 },
        { family: 'Chilled', period: '2027-01', volume: 11_000 },
        { family: 'Ambient', period: '2027-01', volume: 500 },
      ],
      capacity: [
        { family: 'Chilled', period: '2026-12', volume: 12_600 },
        { family: 'Chilled', period: '2027-01', volume: 12_600 },
      ],
    });
    expect(series.periods).toEqual(['2026-12', '2027-01']);
    expect(series.families).toEqual([
      { family: 'Ambient', demand: [0, 500], capacity: [0, 0], shortfall: [0, 500] },
      { family: 'Chilled', demand: [15_000, 11_000], capacity: [12_600, 12_600], shortfall: [2_400, 0] },
    ]);
  });
});
