/** The steps from a node's target to its gap: value at each DoI stage, then what is missing. */
export interface WaterfallStep {
  label: string;
  amount: number;
  /** The running total after this step. */
  cumulative: number;
}

/**
 * Target, then the planned value standing at each stage from the most
 * certain (5, Closed, counted at confirmed value) down to 0, then the gap
 * still to find (negative when the portfolio covers more than the target).
 */
export function targetWaterfall(target: number, byStage: readonly { stage: number; planned: number; confirmed: number }[]): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: 'target', amount: target, cumulative: target }];
  let covered = 0;
  for (const stage of [5, 4, 3, 2, 1, 0]) {
    const row = byStage.find((candidate) => candidate.stage === stage);
    const amount = row ? (stage === 5 ? row.confirmed : row.planned) : 0;
    covered += amount;
    steps.push({ label: `stage ${stage}`, amount, cumulative: covered });
  }
  steps.push({ label: 'gap', amount: target - covered, cumulative: target });
  return steps;
}
