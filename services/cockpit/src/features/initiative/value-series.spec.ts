import { valueSeries } from './value-series';

describe('chart data', () => {
  it('keeps planned, forecast and confirmed apart, in major units', () => {
    expect(valueSeries({ periods: [{ period: '2027-03', planned: 120_000, forecast: 100_000, confirmed: 90_000 }] }, 100)).toEqual({
      periods: ['2027-03'],
      planned: [1200],
      forecast: [1000],
      confirmed: [900],
    });
  });
});
