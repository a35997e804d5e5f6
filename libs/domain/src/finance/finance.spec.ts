import { ledgerPeriods } from './ledger';
import { realizationFigures, rollUpRealization } from './realization';

describe('the ledger', () => {
  it('folds measures and confirmations into one line a period, in order, with totals', () => {
    const ledger = ledgerPeriods(
      [
        { period: '2027-02', planned: 100, forecast: 90 },
        { period: '2027-01', planned: 50, forecast: 50 },
        { period: '2027-02', planned: 25, forecast: 0 },
      ],
      [
        { period: '2027-02', amount: 80 },
        { period: '2027-03', amount: 10 },
      ],
    );
    expect(ledger.periods).toEqual([
      { period: '2027-01', planned: 50, forecast: 50, confirmed: 0 },
      { period: '2027-02', planned: 125, forecast: 90, confirmed: 80 },
      { period: '2027-03', planned: 0, forecast: 0, confirmed: 10 },
    ]);
    expect(ledger.totals).toEqual({ planned: 175, forecast: 140, confirmed: 90 });
  });
});

describe('realization figures', () => {
  it('rate is confirmed over baseline; leakage counts for closed initiatives only', () => {
    expect(realizationFigures({ baseline: 200, confirmed: 150, closed: true, closurePending: false })).toEqual({
      baseline: 200,
      confirmed: 150,
      realizationRate: 0.75,
      leakage: 50,
      awaitingConfirmation: false,
    });
    expect(realizationFigures({ baseline: 0, confirmed: 0, closed: false, closurePending: true })).toMatchObject({
      realizationRate: null,
      leakage: null,
      awaitingConfirmation: true,
    });
  });

  it('rolls up over initiatives', () => {
    const rollUp = rollUpRealization([
      realizationFigures({ baseline: 200, confirmed: 150, closed: true, closurePending: false }),
      realizationFigures({ baseline: 100, confirmed: 0, closed: false, closurePending: true }),
    ]);
    expect(rollUp).toEqual({
      initiatives: 2,
      baseline: 300,
      confirmed: 150,
      realizationRate: 0.5,
      leakage: 50,
      awaitingConfirmation: true,
      awaitingCount: 1,
    });
  });
});
