/** An initiative as the pivot weighs it. */
export interface PivotCandidate {
  initiativeId: string;
  stage: number;
  onHold: boolean;
  /** Forecast value still to come, in minor units. */
  value: number;
  /** What it needs to go on: budget (minor units) and people (FTE). */
  budget: number;
  fte: number;
}

export type PivotMove = 'accelerate' | 'keep' | 'hold' | 'resume';

/**
 * Ranks initiatives by risk-weighted value (value × the weight of their DoI
 * stage) per unit of resource, and fills the program's capacity from the top:
 * what fits runs (resumed if on hold, accelerated when in the top quarter),
 * what does not fit is held. `doiWeights[stage]` is the chance, 0 to 1, that a
 * stage's value arrives.
 */
export function proposePivot(
  candidates: readonly PivotCandidate[],
  capacity: { budget: number; fte: number },
  doiWeights: readonly number[],
): { initiativeId: string; score: number; move: PivotMove }[] {
  const resourceUnits = (candidate: PivotCandidate) =>
    (capacity.budget > 0 ? candidate.budget / capacity.budget : 0) + (capacity.fte > 0 ? candidate.fte / capacity.fte : 0);
  const ranked = candidates
    .map((candidate) => {
      const weighted = candidate.value * (doiWeights[candidate.stage] ?? 0);
      const units = resourceUnits(candidate);
      return { candidate, score: units > 0 ? weighted / units : weighted > 0 ? Number.MAX_SAFE_INTEGER : 0 };
    })
    .sort((a, b) => b.score - a.score || a.candidate.initiativeId.localeCompare(b.candidate.initiativeId));
  let budget = capacity.budget;
  let fte = capacity.fte;
  const topQuarter = Math.max(1, Math.floor(ranked.length / 4));
  return ranked.map(({ candidate, score }, index) => {
    const fits = candidate.budget <= budget && candidate.fte <= fte;
    if (fits) {
      budget -= candidate.budget;
      fte -= candidate.fte;
    }
    const move: PivotMove = !fits ? 'hold' : candidate.onHold ? 'resume' : index < topQuarter ? 'accelerate' : 'keep';
    return { initiativeId: candidate.initiativeId, score: Math.round(score), move: !fits && candidate.onHold ? 'keep' : move };
  });
}
