/** What finance reports of an initiative's value: progress apart from value realized. */
export interface RealizationFigures {
  baseline: number;
  confirmed: number;
  /** confirmed ÷ baseline; null while there is no baseline. */
  realizationRate: number | null;
  /** baseline − confirmed, for a closed initiative only (negative when it delivered more). */
  leakage: number | null;
  /** Closure was requested and finance has yet to confirm. */
  awaitingConfirmation: boolean;
}

export function realizationFigures(facts: {
  baseline: number;
  confirmed: number;
  closed: boolean;
  closurePending: boolean;
}): RealizationFigures {
  return {
    baseline: facts.baseline,
    confirmed: facts.confirmed,
    realizationRate: facts.baseline > 0 ? Math.round((facts.confirmed / facts.baseline) * 10_000) / 10_000 : null,
    leakage: facts.closed ? facts.baseline - facts.confirmed : null,
    awaitingConfirmation: facts.closurePending,
  };
}

/** Figures added up over several initiatives of one currency. */
export function rollUpRealization(figures: readonly RealizationFigures[]): RealizationFigures & { initiatives: number; awaitingCount: number } {
  const baseline = figures.reduce((sum, figure) => sum + figure.baseline, 0);
  const confirmed = figures.reduce((sum, figure) => sum + figure.confirmed, 0);
  const closed = figures.filter((figure) => figure.leakage !== null);
  return {
    initiatives: figures.length,
    baseline,
    confirmed,
    realizationRate: baseline > 0 ? Math.round((confirmed / baseline) * 10_000) / 10_000 : null,
    leakage: closed.length > 0 ? closed.reduce((sum, figure) => sum + (figure.leakage ?? 0), 0) : null,
    awaitingConfirmation: figures.some((figure) => figure.awaitingConfirmation),
    awaitingCount: figures.filter((figure) => figure.awaitingConfirmation).length,
  };
}
