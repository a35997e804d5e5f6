import type { ValueForecastAccuracyView } from '@tollgate/contracts/views';
import { notesTable, type SheetTable } from '@tollgate/spreadsheets';

const JUDGED_WORDS: Record<ValueForecastAccuracyView['by'], string> = { owner: 'Owner', program: 'Program', unit: 'Business unit' };

/**
 * How well value was forecast under a node, as a file: one row per owner,
 * program or unit and horizon, in the order the room shows them (the most
 * forecast value first), with the measures of error as ratios.
 */
export function forecastAccuracySheets(view: ValueForecastAccuracyView, nodeName: string, exportedAt: string): SheetTable[] {
  const table: SheetTable = {
    name: 'Accuracy',
    columns: [
      { key: 'by', header: JUDGED_WORDS[view.by], kind: 'text', width: 28 },
      { key: 'id', header: 'Id', kind: 'text', note: view.by === 'owner' ? 'the owner as the identity provider names them' : 'the org node' },
      { key: 'horizon', header: 'Months ahead', kind: 'integer', note: 'how many months before the month it was for the cycle recorded the forecast' },
      { key: 'months', header: 'Months judged', kind: 'integer', note: "months judged, each the sum of the forecasts behind it: a month is judged once it is over and finance has had it to confirm" },
      { key: 'mape', header: 'MAPE', kind: 'ratio', note: 'mean absolute percentage error over the months with confirmed value; empty when none has any' },
      { key: 'wmape', header: 'Weighted MAPE', kind: 'ratio', note: 'Σ|confirmed − forecast| ÷ Σ|confirmed|: the larger months weigh more' },
      { key: 'bias', header: 'Bias', kind: 'ratio', note: 'Σ(forecast − confirmed) ÷ Σ confirmed: above zero, more was promised than finance confirmed' },
    ],
    rows: view.rows.map((row) => ({ by: row.name ?? row.by, id: row.by, horizon: row.horizon, months: row.periods, mape: row.mape, wmape: row.wmape, bias: row.bias })),
  };
  const facts = [
    ['Export', 'Value forecast accuracy'],
    ['Org node', `${nodeName} (${view.orgNodeId})`],
    ['Judged by', JUDGED_WORDS[view.by].toLowerCase()],
    ['Rule', "each initiative's value forecast as the node's S&OP cycles recorded it, one, three and six months ahead, against the value finance confirmed for that month (valueForecastAccuracy)"],
    ['Months judged', `those before ${view.asOf}`],
    ['Exported at', exportedAt],
  ] as const;
  return [table, notesTable(facts, [table])];
}
