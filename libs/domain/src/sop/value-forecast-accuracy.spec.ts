import { monthsBetween, valueForecastAccuracy, type RecordedForecast } from './value-forecast-accuracy';

const point = (by: string, recordedIn: string, period: string, forecast: number, confirmed: number): RecordedForecast => ({ by, recordedIn, period, forecast, confirmed });

describe('value forecast accuracy by owner', () => {
  it('counts whole months ahead', () => {
    expect(monthsBetween('2026-11', '2027-02')).toBe(3);
    expect(monthsBetween('2027-01', '2027-01')).toBe(0);
  });

  it('judges each forecast made one, three or six months ahead against what finance confirmed, per owner and horizon', () => {
    const recorded = [
      // Olive forecast 100 and 200 one month ahead; finance confirmed 80 and 200: she over-forecasts.
      point('olive', '2026-05', '2026-06', 100, 80),
      point('olive', '2026-06', '2026-07', 200, 200),
      point('olive', '2026-05', '2026-08', 300, 150),
      // Sam's one forecast three months ahead came in short.
      point('sam', '2026-05', '2026-08', 50, 100),
      // Two months ahead is no horizon; a month not yet over is not judged.
      point('sam', '2026-05', '2026-07', 999, 0),
      point('olive', '2026-11', '2026-12', 500, 0),
    ];
    expect(valueForecastAccuracy(recorded, '2026-12')).toEqual([
      { by: 'olive', horizon: 1, mape: 0.125, wmape: 0.0714, bias: 0.0714, periods: 2 },
      { by: 'olive', horizon: 3, mape: 1, wmape: 1, bias: 1, periods: 1 },
      { by: 'sam', horizon: 3, mape: 0.5, wmape: 0.5, bias: -0.5, periods: 1 },
    ]);
    expect(valueForecastAccuracy(recorded, '2026-06')).toEqual([]);
  });

  it('adds a unit’s initiatives up per month before judging it, so that one month counts once and a short one is not hidden by a month confirmed in full', () => {
    // Two initiatives of one unit, for the same month as the same cycle saw it: 150 forecast, 100 confirmed, one of them nothing.
    const pooled = valueForecastAccuracy([point('ops', '2026-05', '2026-11', 100, 100), point('ops', '2026-05', '2026-11', 50, 0)], '2026-12');
    expect(pooled).toEqual([{ by: 'ops', horizon: 6, mape: 0.5, wmape: 0.5, bias: 0.5, periods: 1 }]);
  });
});
