import type { ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { forecastAccuracySheets } from './forecast-accuracy-export';

describe('value forecast accuracy, as a file', () => {
  const view: ValueForecastAccuracyView = {
    orgNodeId: 'acme',
    by: 'unit',
    asOf: '2027-03',
    horizons: [1, 3, 6],
    rows: [
      { by: 'ops', name: 'Operations', horizon: 1, mape: 0.1667, wmape: 0.1429, bias: -0.1429, periods: 2 },
      { by: 'ops', name: 'Operations', horizon: 3, mape: null, wmape: null, bias: null, periods: 1 },
      { by: 'gone', name: null, horizon: 1, mape: 0, wmape: 0, bias: 0, periods: 1 },
    ],
  };

  it('keeps the rows in the order judged, named by the unit, with the measures of error as ratios and nothing invented where nothing was confirmed', () => {
    const [table, notes] = forecastAccuracySheets(view, 'Acme', '2027-03-20T10:00:00.000Z');
    expect(table.columns.map((column) => [column.header, column.kind])).toEqual([
      ['Business unit', 'text'],
      ['Id', 'text'],
      ['Months ahead', 'integer'],
      ['Months judged', 'integer'],
      ['MAPE', 'ratio'],
      ['Weighted MAPE', 'ratio'],
      ['Bias', 'ratio'],
    ]);
    expect(table.rows).toEqual([
      { by: 'Operations', id: 'ops', horizon: 1, months: 2, mape: 0.1667, wmape: 0.1429, bias: -0.1429 },
      { by: 'Operations', id: 'ops', horizon: 3, months: 1, mape: null, wmape: null, bias: null },
      // A node no longer known by name is shown by its id.
      { by: 'gone', id: 'gone', horizon: 1, months: 1, mape: 0, wmape: 0, bias: 0 },
    ]);
    expect(notes.rows).toEqual(expect.arrayContaining([expect.objectContaining({ topic: 'Judged by', note: 'business unit' }), expect.objectContaining({ topic: 'Months judged', note: 'those before 2027-03' })]));
  });
});
