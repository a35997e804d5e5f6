import type { PortfolioValuesView, TargetWaterfallView } from '@tollgate/contracts/views';

type PeriodValues = Pick<PortfolioValuesView, 'periods'>;
type Waterfall = Pick<TargetWaterfallView, 'targetPlanId' | 'steps'>;

/**
 * The bars of the target waterfall: the target stands on the axis; the value
 * at each stage stacks up from zero, the most certain first; the last bar
 * floats from what the stages cover to the target: a gap when they cover
 * less, a surplus (hanging down) when they cover more, never both called
 * "Gap". Each step runs from `cumulative - amount` to `cumulative`.
 */
export interface WaterfallBars {
  labels: string[];
  base: number[];
  rise: number[];
  kind: Array<'target' | 'stage' | 'gap' | 'surplus'>;
}

const ENDS = { target: 'Target', gap: 'Gap to target', surplus: 'Planned beyond target' } as const;

export function waterfallBars(waterfall: Waterfall, minorPerMajor: number, stageLabel: (stage: number) => string): WaterfallBars {
  const bars: WaterfallBars = { labels: [], base: [], rise: [], kind: [] };
  waterfall.steps.forEach((step, index) => {
    const last = index === waterfall.steps.length - 1;
    const kind = index === 0 ? 'target' : last ? (step.amount < 0 ? 'surplus' : 'gap') : 'stage';
    const end = step.cumulative / minorPerMajor;
    const start = kind === 'target' ? 0 : (step.cumulative - step.amount) / minorPerMajor;
    const stage = /^stage (\d)$/.exec(step.label);
    bars.labels.push(stage ? stageLabel(Number(stage[1])) : kind === 'stage' ? step.label : ENDS[kind]);
    bars.base.push(Math.min(start, end));
    bars.rise.push(Math.abs(end - start));
    bars.kind.push(kind);
  });
  return bars;
}

/**
 * Planned, forecast and confirmed value added up month by month, in major
 * units, beside the target of the whole range: whether the year will reach
 * its target, which monthly bars do not say.
 */
export function cumulativeSeries(values: PeriodValues, minorPerMajor: number, target: number | null) {
  const running = (pick: (row: PeriodValues['periods'][number]) => number) => {
    let sum = 0;
    return values.periods.map((row) => (sum += pick(row)) / minorPerMajor);
  };
  return {
    periods: values.periods.map((row) => row.period),
    planned: running((row) => row.planned),
    forecast: running((row) => row.forecast),
    confirmed: running((row) => row.confirmed),
    target: target === null ? null : target / minorPerMajor,
  };
}

/**
 * Demand against capacity for each family, period by period over the plan's
 * months: the shortfall (demand beyond capacity) named so the chart can mark
 * it. A family missing one side counts that side as 0, as the S&OP rules do.
 */
/**
 * Planned value per period stacked by the DoI stage it stands at (one
 * series a stage that holds any), beside the forecast and the confirmed
 * value as totals: finance's word is never stacked onto the plan.
 */
export function valueSeriesByStage(values: PeriodValues, minorPerMajor: number) {
  const stages = [...new Set(values.periods.flatMap((row) => (row.byStage ?? []).map((cell) => cell.stage)))].sort((a, b) => a - b);
  return {
    periods: values.periods.map((row) => row.period),
    plannedByStage: stages.map((stage) => ({
      stage,
      planned: values.periods.map((row) => (row.byStage ?? []).filter((cell) => cell.stage === stage).reduce((sum, cell) => sum + cell.planned, 0) / minorPerMajor),
    })),
    forecast: values.periods.map((row) => row.forecast / minorPerMajor),
    confirmed: values.periods.map((row) => row.confirmed / minorPerMajor),
  };
}
