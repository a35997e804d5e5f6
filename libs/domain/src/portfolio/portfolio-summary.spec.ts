import { portfolioSummary } from './portfolio-summary';

describe('portfolio summary', () => {
  it('lists every stage, adds planned, forecast and confirmed apart, and totals them', () => {
    const summary = portfolioSummary([
      { stage: 4, count: 1, planned: 250, forecast: 240, confirmed: 0 },
      { stage: 5, count: 1, planned: 100, forecast: 100, confirmed: 90 },
    ]);
    expect(summary.byStage.map((row) => row.stage)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(summary.byStage[0]).toEqual({ stage: 0, count: 0, planned: 0, forecast: 0, confirmed: 0 });
    expect(summary.byStage[4]).toEqual({ stage: 4, count: 1, planned: 250, forecast: 240, confirmed: 0 });
    expect(summary.total).toEqual({ count: 2, planned: 350, forecast: 340, confirmed: 90 });
  });
});
