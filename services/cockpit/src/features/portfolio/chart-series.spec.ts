import { cumulativeSeries, valueSeriesByStage, waterfallBars } from './chart-series';

describe('chart data', () => {
  it('stands the target on the axis, stacks the stages up from zero and floats the gap up to the target', () => {
    const bars = waterfallBars(
      {
        targetPlanId: 'p',
        steps: [
          { label: 'target', amount: 100_000, cumulative: 100_000 },
          { label: 'stage 5', amount: 30_000, cumulative: 30_000 },
          { label: 'stage 4', amount: 20_000, cumulative: 50_000 },
          { label: 'gap', amount: 50_000, cumulative: 100_000 },
        ],
      },
      100,
      (stage) => `DoI ${stage}`,
    );
    expect(bars).toEqual({
      labels: ['Target', 'DoI 5', 'DoI 4', 'Gap to target'],
      base: [0, 0, 300, 500],
      rise: [1000, 300, 200, 500],
      kind: ['target', 'stage', 'stage', 'gap'],
    });
  });

  it('hangs a surplus down from what the stages cover, and calls it one, not a gap', () => {
    const bars = waterfallBars(
      { targetPlanId: 'p', steps: [{ label: 'target', amount: 100, cumulative: 100 }, { label: 'stage 5', amount: 150, cumulative: 150 }, { label: 'gap', amount: -50, cumulative: 100 }] },
      1,
      String,
    );
    expect(bars.base).toEqual([0, 0, 100]);
    expect(bars.rise).toEqual([100, 150, 50]);
    expect(bars.labels).toEqual(['Target', '5', 'Planned beyond target']);
    expect(bars.kind).toEqual(['target', 'stage', 'surplus']);
  });

  it('adds planned, forecast and confirmed up month by month toward the target of the range', () => {
    const periods = [
      { period: '2027-01', planned: 100_000, forecast: 80_000, confirmed: 0 },
      { period: '2027-02', planned: 100_000, forecast: 90_000, confirmed: 50_000 },
      { period: '2027-03', planned: 50_000, forecast: 50_000, confirmed: 60_000 },
    ];
    expect(cumulativeSeries({ periods }, 100, 300_000)).toEqual({
      periods: ['2027-01', '2027-02', '2027-03'],
      planned: [1000, 2000, 2500],
      forecast: [800, 1700, 2200],
      confirmed: [0, 500, 1100],
      target: 3000,
    });
    expect(cumulativeSeries({ periods }, 100, null).target).toBeNull();
  });
});

describe('value over time by stage', () => {
  it('stacks planned value by the stage it stands at, one series a stage holding any, with forecast and confirmed as totals', () => {
    const series = valueSeriesByStage(
      {
        periods: [
          { period: '2027-01', planned: 300, forecast: 250, confirmed: 100, byStage: [{ stage: 1, planned: 100, forecast: 100, confirmed: 0 }, { stage: 4, planned: 200, forecast: 150, confirmed: 100 }] },
          { period: '2027-02', planned: 0, forecast: 0, confirmed: 0, byStage: [] },
        ],
      },
      100,
    );
    expect(series).toEqual({
      periods: ['2027-01', '2027-02'],
      plannedByStage: [
        { stage: 1, planned: [1, 0] },
        { stage: 4, planned: [2, 0] },
      ],
      forecast: [2.5, 0],
      confirmed: [1, 0],
    });
  });
});
