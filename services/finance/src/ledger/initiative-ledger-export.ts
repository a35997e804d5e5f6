import type { InitiativeLedgerView } from '@tollgate/contracts/views';
import { notesTable, withCurrencyColumn, type SheetColumn, type SheetTable } from '@tollgate/spreadsheets';

const FIGURES: readonly SheetColumn[] = [
  { key: 'planned', header: 'Planned', kind: 'money', note: 'planned value: the frozen baseline once the initiative reached stage 3 (Decided)' },
  { key: 'forecast', header: 'Forecast', kind: 'money', note: "the owner's forecast" },
  { key: 'confirmed', header: 'Confirmed', kind: 'money', note: 'value confirmed by a controller' },
];

/** The ledger's sheets: each period, the totals with the realization figures, and notes. */
export function initiativeLedgerSheets(ledger: InitiativeLedgerView, exportedAt: string): SheetTable[] {
  const { currency, totals, realization } = ledger;
  const tables = [
    withCurrencyColumn({
      name: 'Ledger',
      currency,
      columns: [{ key: 'period', header: 'Period', kind: 'period' }, ...FIGURES],
      rows: ledger.periods.map((period) => ({ period: period.period, planned: period.planned, forecast: period.forecast, confirmed: period.confirmed })),
    }),
    withCurrencyColumn({
      name: 'Totals',
      currency,
      columns: [
        ...FIGURES,
        { key: 'baseline', header: 'Baseline', kind: 'money', note: 'the planned value that realization is measured against' },
        { key: 'realizationRate', header: 'Realization rate', kind: 'ratio', note: 'confirmed ÷ baseline; empty while there is no baseline' },
        { key: 'leakage', header: 'Leakage', kind: 'money', note: 'baseline less confirmed, once the initiative is closed; empty before' },
        { key: 'awaitingConfirmation', header: 'Awaiting confirmation', kind: 'text', note: 'yes while closure waits for a controller to confirm value' },
      ],
      rows: [
        {
          ...totals,
          baseline: realization.baseline,
          realizationRate: realization.realizationRate,
          leakage: realization.leakage,
          awaitingConfirmation: realization.awaitingConfirmation ? 'yes' : 'no',
        },
      ],
    }),
  ];
  const facts = [
    ['Export', 'Value ledger of an initiative'],
    ['Initiative', ledger.initiativeId],
    ['Code', ledger.code],
    ['Stage', ledger.stage],
    ['Closure', ledger.closure.state.replace(/_/g, ' ')],
    ['Baseline frozen', ledger.baselineFrozen ? 'yes' : 'no'],
    ['Currency', currency],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}
