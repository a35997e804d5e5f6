import { ledgerPeriods, realizationFigures } from '@tollgate/domain';
import { csvOf, type SheetTable } from '@tollgate/spreadsheets';
import { initiativeLedgerSheets } from './initiative-ledger-export';

const csv = (table: SheetTable) => csvOf(table).toString('utf8').trim().split('\r\n');

describe('initiative ledger export', () => {
  const { periods, totals } = ledgerPeriods(
    [
      { period: '2027-03', planned: 150_000, forecast: 140_000 },
      { period: '2027-02', planned: 100_000, forecast: 100_000 },
    ],
    [{ period: '2027-03', amount: 240_050 }],
  );
  const ledger = {
    initiativeId: 'ini-1',
    code: 'INI-0042',
    currency: 'EUR',
    stage: 5,
    closure: { state: 'closed' },
    baselineFrozen: true,
    periods,
    totals,
    realization: realizationFigures({ baseline: totals.planned, confirmed: totals.confirmed, closed: true, closurePending: false }),
  };

  it('lists each period and the totals with the realization figures, money in major units', () => {
    const [sheet, totalsSheet, notes] = initiativeLedgerSheets(ledger, '2027-04-02T08:00:00.000Z');
    expect(csv(sheet)).toEqual(['Period,Planned,Forecast,Confirmed,Currency', '2027-02,1000.00,1000.00,0.00,EUR', '2027-03,1500.00,1400.00,2400.50,EUR']);
    expect(csv(totalsSheet)).toEqual([
      'Planned,Forecast,Confirmed,Baseline,Realization rate,Leakage,Awaiting confirmation,Currency',
      '2500.00,2400.00,2400.50,2500.00,0.9602,99.50,no,EUR',
    ]);
    expect(notes.rows).toEqual(expect.arrayContaining([{ topic: 'Code', note: 'INI-0042' }, { topic: 'Closure', note: 'closed' }]));
  });

  it('leaves the rate and the leakage empty while there is no baseline and no closure', () => {
    const open = { ...ledger, periods: [], totals: { planned: 0, forecast: 0, confirmed: 0 }, realization: realizationFigures({ baseline: 0, confirmed: 0, closed: false, closurePending: true }) };
    const [sheet, totalsSheet] = initiativeLedgerSheets(open, '2027-04-02T08:00:00.000Z');
    expect(csv(sheet)).toEqual(['Period,Planned,Forecast,Confirmed,Currency']);
    expect(csv(totalsSheet)[1]).toBe('0.00,0.00,0.00,0.00,,,yes,EUR');
  });
});
