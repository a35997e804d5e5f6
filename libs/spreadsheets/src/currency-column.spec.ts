import { withCurrencyColumn } from './currency-column';
import { csvOf } from './workbook-writer';

describe('withCurrencyColumn', () => {
  it('names the currency on every row of a table of money, in its last column', () => {
    const table = withCurrencyColumn({
      name: 'Ledger',
      currency: 'USD',
      columns: [
        { key: 'period', header: 'Period', kind: 'period' },
        { key: 'planned', header: 'Planned', kind: 'money' },
      ],
      rows: [
        { period: '2027-01', planned: 1_000_050 },
        { period: '2027-02', planned: 0 },
      ],
    });
    expect(csvOf(table).toString('utf8')).toBe('Period,Planned,Currency\r\n2027-01,10000.50,USD\r\n2027-02,0.00,USD\r\n');
  });
});
