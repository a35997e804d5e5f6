import { implementedAtAfter } from './implemented-at';
import { MAX_REPORT_PERIODS, periodsBetween } from './period-range';
import { figuresOverPeriods, periodValues, withForecasts } from './period-values';
import { hasBaseline, portfolioRealization } from './portfolio-realization';

describe('period values of an initiative', () => {
  it('adds every measure up per period, in period order, planned and forecast apart', () => {
    expect(
      periodValues([
        { plannedValues: [{ period: '2027-02', amount: 100 }, { period: '2027-01', amount: 50 }], forecastValues: [{ period: '2027-02', amount: 90 }] },
        { plannedValues: [{ period: '2027-02', amount: 25 }], forecastValues: [{ period: '2027-03', amount: 10 }] },
      ]),
    ).toEqual([
      { period: '2027-01', planned: 50, forecast: 0 },
      { period: '2027-02', planned: 125, forecast: 90 },
      { period: '2027-03', planned: 0, forecast: 10 },
    ]);
    expect(periodValues([])).toEqual([]);
  });

  it('replaces the forecast whole on a forecast update and keeps the planned side', () => {
    const current = [
      { period: '2027-01', planned: 50, forecast: 40 },
      { period: '2027-02', planned: 125, forecast: 90 },
    ];
    expect(withForecasts(current, [{ forecastValues: [{ period: '2027-02', amount: 60 }] }, { forecastValues: [{ period: '2027-04', amount: 5 }, { period: '2027-02', amount: 1 }] }])).toEqual([
      { period: '2027-01', planned: 50, forecast: 0 },
      { period: '2027-02', planned: 125, forecast: 61 },
      { period: '2027-04', planned: 0, forecast: 5 },
    ]);
    expect(current[0].forecast).toBe(40);
  });

  it('lists every period of a range, zeros where nothing stands', () => {
    expect(figuresOverPeriods(['2027-01', '2027-02'], [{ period: '2027-02', planned: 1, forecast: 2, confirmed: 3 }])).toEqual([
      { period: '2027-01', planned: 0, forecast: 0, confirmed: 0 },
      { period: '2027-02', planned: 1, forecast: 2, confirmed: 3 },
    ]);
  });
});

describe('a range of periods', () => {
  it('runs from one month to another, across years, both included', () => {
    expect(periodsBetween('2026-11', '2027-02')).toEqual({ periods: ['2026-11', '2026-12', '2027-01', '2027-02'] });
    expect(periodsBetween('2027-05', '2027-05')).toEqual({ periods: ['2027-05'] });
  });

  it('names what is malformed', () => {
    expect(periodsBetween('2027-13', 'soon')).toEqual({ unmet: ['from must be a period YYYY-MM', 'to must be a period YYYY-MM'] });
    expect(periodsBetween('2027-03', '2027-02')).toEqual({ unmet: ['from must not come after to'] });
    expect(periodsBetween('2000-01', '2099-12')).toEqual({ unmet: [`a range covers at most ${MAX_REPORT_PERIODS} periods`] });
    expect('periods' in periodsBetween('2020-01', '2029-12')).toBe(true);
  });
});

describe('when an initiative became implemented', () => {
  const at = '2027-03-01T10:00:00.000Z';

  it('starts on reaching stage 4 and holds through closure', () => {
    expect(implementedAtAfter(null, { fromStage: 3, toStage: 4, time: at })).toBe(at);
    expect(implementedAtAfter(at, { fromStage: 4, toStage: 5, time: '2027-06-01T00:00:00.000Z' })).toBe(at);
  });

  it('stops on a rollback below 4, and starts afresh on the way back', () => {
    expect(implementedAtAfter(at, { fromStage: 4, toStage: 3, time: '2027-04-01T00:00:00.000Z' })).toBeNull();
    expect(implementedAtAfter(null, { fromStage: 3, toStage: 4, time: '2027-05-01T00:00:00.000Z' })).toBe('2027-05-01T00:00:00.000Z');
    expect(implementedAtAfter(null, { fromStage: 1, toStage: 2, time: at })).toBeNull();
  });
});

describe('benefit realization of a portfolio', () => {
  const row = (initiativeId: string, stage: number, planned: number, confirmed: number, status = 'on_track') => ({ initiativeId, stage, status, planned, confirmed });

  it('counts the baseline from stage 3, leaves cancelled ones out, and leaks over closed ones only', () => {
    const report = portfolioRealization([
      row('early', 2, 1_000, 0),
      row('decided', 3, 400, 0),
      row('dropped', 4, 500, 0, 'cancelled'),
      row('implemented', 4, 200, 50),
      row('closed-short', 5, 300, 240, 'closed'),
      row('closed-over', 5, 100, 130, 'closed'),
    ]);
    expect(report).toMatchObject({ initiatives: 4, baseline: 1_000, confirmed: 420, benefitRealizationRate: 0.42, leakage: 30 });
    expect(report.closed).toEqual([
      { initiativeId: 'closed-short', stage: 5, status: 'closed', planned: 300, baseline: 300, confirmed: 240, benefitRealizationRate: 0.8, leakage: 60 },
      { initiativeId: 'closed-over', stage: 5, status: 'closed', planned: 100, baseline: 100, confirmed: 130, benefitRealizationRate: 1.3, leakage: -30 },
    ]);
  });

  it('has no rate without a baseline and no leakage before a closure', () => {
    expect(portfolioRealization([row('early', 1, 1_000, 0)])).toEqual({ initiatives: 0, baseline: 0, confirmed: 0, benefitRealizationRate: null, leakage: null, closed: [] });
    expect(portfolioRealization([row('zero', 3, 0, 10)]).benefitRealizationRate).toBeNull();
    expect(hasBaseline({ stage: 3, status: 'on_hold' })).toBe(true);
  });
});
