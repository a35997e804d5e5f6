import { isStage, stageName } from '@tollgate/domain';
import type { TargetWaterfallView } from '@tollgate/contracts/views';
import { notesTable, withCurrencyColumn, type SheetTable } from '@tollgate/spreadsheets';

/** A step as a person names it, and its stage where it is one: `stage 5` is Stage 5 Closed. */
export function waterfallStepName(label: string): { step: string; stage: number | null } {
  const match = /^stage (\d)$/.exec(label);
  if (match) {
    const stage = Number(match[1]);
    return { step: isStage(stage) ? `Stage ${stage} ${stageName(stage)}` : `Stage ${stage}`, stage };
  }
  return { step: label.charAt(0).toUpperCase() + label.slice(1), stage: null };
}

/** The waterfall's sheets: target, each stage's value, the gap; and notes. */
export function targetWaterfallSheets(waterfall: TargetWaterfallView, exportedAt: string): SheetTable[] {
  const tables = [
    withCurrencyColumn({
      name: 'Waterfall',
      currency: waterfall.currency,
      columns: [
        { key: 'step', header: 'Step', kind: 'text', width: 22 },
        { key: 'stage', header: 'Stage', kind: 'integer' },
        { key: 'amount', header: 'Amount', kind: 'money', note: 'the target; stage 5 (Closed) at confirmed value, stages 4 to 0 at planned value; the gap is the target less every stage, negative when they cover more' },
        { key: 'cumulative', header: 'Cumulative', kind: 'money', note: 'the running total after the step: the target, then what the stages cover, then the target again' },
      ],
      rows: waterfall.steps.map((step) => ({ ...waterfallStepName(step.label), amount: step.amount, cumulative: step.cumulative })),
    }),
  ];
  const facts = [
    ['Export', 'Target waterfall'],
    ['Org node', waterfall.orgNodeId],
    ['Periods', `${waterfall.from} to ${waterfall.to}`],
    ['Currency', waterfall.currency],
    ['Target from plan', waterfall.targetPlanId ?? "none: the node has no plan of record in this currency, so the target is 0 and the gap shows what the stages cover"],
    ['Exported at', exportedAt],
  ] as const;
  return [...tables, notesTable(facts, tables)];
}
