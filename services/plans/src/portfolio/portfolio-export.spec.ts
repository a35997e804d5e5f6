import { portfolioSummary } from '@tollgate/domain';
import { csvOf, type SheetTable } from '@tollgate/spreadsheets';
import { portfolioSummarySheets, portfolioValuesSheets } from './portfolio-export';

const EXPORTED_AT = '2027-04-02T08:00:00.000Z';
const csv = (table: SheetTable) => csvOf(table).toString('utf8').trim().split('\r\n');

describe('portfolio summary export', () => {
  const summary = {
    orgNodeId: 'node-1',
    currency: 'EUR',
    ...portfolioSummary([
      { stage: 3, count: 1, planned: 120_000, forecast: 120_000, confirmed: 0 },
      { stage: 5, count: 2, planned: 300_050, forecast: 250_000, confirmed: 240_001 },
    ]),
  };

  it('lists every stage with its name, count and value in major units, and the total apart', () => {
    const [byStage, total, notes] = portfolioSummarySheets(summary, EXPORTED_AT);
    expect([byStage.name, total.name, notes.name]).toEqual(['By stage', 'Total', 'Notes']);
    expect(csv(byStage)).toEqual([
      'Stage,Stage name,Initiatives,Planned,Forecast,Confirmed,Currency',
      '0,Defined,0,0.00,0.00,0.00,EUR',
      '1,Identified,0,0.00,0.00,0.00,EUR',
      '2,Detailed,0,0.00,0.00,0.00,EUR',
      '3,Decided,1,1200.00,1200.00,0.00,EUR',
      '4,Implemented,0,0.00,0.00,0.00,EUR',
      '5,Closed,2,3000.50,2500.00,2400.01,EUR',
    ]);
    expect(csv(total)).toEqual(['Initiatives,Planned,Forecast,Confirmed,Currency', '3,4200.50,3700.00,2400.01,EUR']);
    expect(notes.rows).toEqual(
      expect.arrayContaining([
        { topic: 'Org node', note: 'node-1' },
        { topic: 'Exported at', note: EXPORTED_AT },
        { topic: 'By stage: Planned', note: 'planned value: the frozen baseline from stage 3 (Decided) on' },
      ]),
    );
  });
});

describe('portfolio values export', () => {
  const values = {
    orgNodeId: 'node-1',
    currency: 'USD',
    from: '2027-01',
    to: '2027-02',
    periods: [
      { period: '2027-01', planned: 0, forecast: 0, confirmed: 0, byStage: [] },
      {
        period: '2027-02',
        planned: 400_000,
        forecast: 300_000,
        confirmed: 150_000,
        byStage: [
          { stage: 4, planned: 200_000, forecast: 150_000, confirmed: 0 },
          { stage: 5, planned: 200_000, forecast: 150_000, confirmed: 150_000 },
        ],
      },
    ],
  };

  it('lists every period of the range, and with by=stage each stage holding value in it', () => {
    const [periods, byStage, notes] = portfolioValuesSheets(values, EXPORTED_AT);
    expect(csv(periods)).toEqual(['Period,Planned,Forecast,Confirmed,Currency', '2027-01,0.00,0.00,0.00,USD', '2027-02,4000.00,3000.00,1500.00,USD']);
    expect(csv(byStage)).toEqual([
      'Period,Stage,Stage name,Planned,Forecast,Confirmed,Currency',
      '2027-02,4,Implemented,2000.00,1500.00,0.00,USD',
      '2027-02,5,Closed,2000.00,1500.00,1500.00,USD',
    ]);
    expect(notes.rows).toContainEqual({ topic: 'Periods', note: '2027-01 to 2027-02' });
  });

  it('has no By stage sheet when the values were not split by stage', () => {
    const plain = { ...values, periods: values.periods.map(({ byStage: _byStage, ...period }) => period) };
    expect(portfolioValuesSheets(plain, EXPORTED_AT).map((table) => table.name)).toEqual(['Values', 'Notes']);
  });
});
