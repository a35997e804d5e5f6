import { isStage, stageName, type LedgerPeriod } from '@tollgate/domain';
import { notesTable, withCurrencyColumn, type SheetColumn, type SheetTable } from '@tollgate/spreadsheets';

/** The summary as `GET /api/portfolio/summary` answers it. */
export interface PortfolioSummaryView {
  orgNodeId: string;
  currency: string;
  total: { count: number; planned: number; forecast: number; confirmed: number };
  byStage: readonly { stage: number; count: number; planned: number; forecast: number; confirmed: number }[];
}

/** The values as `GET /api/portfolio/values` answers them; `byStage` only with `by=stage`. */
export interface PortfolioValuesView {
  orgNodeId: string;
  currency: string;
  from: string;
  to: string;
  periods: readonly (LedgerPeriod & { byStage?: readonly ({ stage: number } & Omit<LedgerPeriod, 'period'>)[] })[];
}

const FIGURES: readonly SheetColumn[] = [
  { key: 'planned', header: 'Planned', kind: 'money', note: 'planned value: the frozen baseline from stage 3 (Decided) on' },
  { key: 'forecast', header: 'Forecast', kind: 'money', note: "the owners' forecast" },
  { key: 'confirmed', header: 'Confirmed', kind: 'money', note: 'value confirmed by a controller in finance' },
];

const STAGE_COLUMNS: readonly SheetColumn[] = [
  { key: 'stage', header: 'Stage', kind: 'integer', note: 'Degree of Implementation, 0 (Defined) to 5 (Closed)' },
  { key: 'stageName', header: 'Stage name', kind: 'text' },
];

const named = (stage: number) => (isStage(stage) ? stageName(stage) : null);

// What every portfolio figure leaves out: the reader of a file cannot ask the API.
const SCOPE = 'the node and everything under it; cancelled initiatives and values in other currencies are left out';

/** The summary's sheets: the figures per stage, the total, and notes. */
export function portfolioSummarySheets(summary: PortfolioSummaryView, exportedAt: string): SheetTable[] {
  const { currency } = summary;
  const tables = [
    withCurrencyColumn({
      name: 'By stage',
      currency,
      columns: [...STAGE_COLUMNS, { key: 'count', header: 'Initiatives', kind: 'integer' }, ...FIGURES],
      rows: summary.byStage.map((row) => ({ ...row, stageName: named(row.stage) })),
    }),
    withCurrencyColumn({ name: 'Total', currency, columns: [{ key: 'count', header: 'Initiatives', kind: 'integer' }, ...FIGURES], rows: [summary.total] }),
  ];
  const facts = [
    ['Export', 'Portfolio summary'],
    ['Org node', summary.orgNodeId],
    ['Scope', SCOPE],
    ['Currency', currency],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}

/** The values' sheets: each period of the range, each period's stages where asked for (`by=stage`), and notes. */
export function portfolioValuesSheets(values: PortfolioValuesView, exportedAt: string): SheetTable[] {
  const { currency } = values;
  const period: SheetColumn = { key: 'period', header: 'Period', kind: 'period' };
  const tables = [withCurrencyColumn({ name: 'Values', currency, columns: [period, ...FIGURES], rows: values.periods.map(({ byStage: _byStage, ...row }) => row) })];
  if (values.periods.some((row) => row.byStage !== undefined)) {
    tables.push(
      withCurrencyColumn({
        name: 'By stage',
        currency,
        columns: [period, ...STAGE_COLUMNS, ...FIGURES],
        // As the API lists them: the stages holding value in each period, none for a period without.
        rows: values.periods.flatMap((row) => (row.byStage ?? []).map((stage) => ({ period: row.period, ...stage, stageName: named(stage.stage) }))),
      }),
    );
  }
  const facts = [
    ['Export', 'Portfolio values per period'],
    ['Org node', values.orgNodeId],
    ['Scope', SCOPE],
    ['Periods', `${values.from} to ${values.to}`],
    ['Currency', currency],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}
