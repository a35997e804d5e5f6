/** One period of one product family: what was forecast and what happened (volumes). */
export interface ForecastActual {
  forecast: number;
  actual: number;
}

export interface ForecastAccuracy {
  /** Mean absolute percentage error over periods with a non-zero actual; null when there are none. */
  mape: number | null;
  /** Σ|actual − forecast| ÷ Σ|actual|: large periods weigh more, zero actuals do not break it. */
  wmape: number | null;
  /** Σ(forecast − actual) ÷ Σ actual: positive when the plan over-forecasts. */
  bias: number | null;
  periods: number;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The accuracy of a family's forecast, as ratios (0.12 is 12 %). */
export function forecastAccuracy(points: readonly ForecastActual[]): ForecastAccuracy {
  const withActual = points.filter((point) => point.actual !== 0);
  const absoluteActual = points.reduce((sum, point) => sum + Math.abs(point.actual), 0);
  const actualTotal = points.reduce((sum, point) => sum + point.actual, 0);
  return {
    mape: withActual.length ? round(withActual.reduce((sum, point) => sum + Math.abs((point.actual - point.forecast) / point.actual), 0) / withActual.length) : null,
    wmape: absoluteActual ? round(points.reduce((sum, point) => sum + Math.abs(point.actual - point.forecast), 0) / absoluteActual) : null,
    bias: actualTotal ? round(points.reduce((sum, point) => sum + (point.forecast - point.actual), 0) / actualTotal) : null,
    periods: points.length,
  };
}
