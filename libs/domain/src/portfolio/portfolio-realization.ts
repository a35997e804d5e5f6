import { realizationFigures, rollUpRealization } from '../finance/realization';

/** An initiative of a portfolio as the realization report needs it. */
export interface RealizationFacts {
  initiativeId: string;
  stage: number;
  status: string;
  planned: number;
  confirmed: number;
}

/** A stage-3 decision freezes the baseline; a cancelled initiative promises nothing any more. */
export function hasBaseline(facts: { stage: number; status: string }): boolean {
  return facts.stage >= 3 && facts.status !== 'cancelled';
}

/**
 * Benefit realization of a portfolio: the baseline of the initiatives decided
 * (stage ≥ 3, not cancelled), the value finance confirmed for them, their
 * ratio, and leakage (baseline − confirmed) over the closed ones, which are
 * also listed one by one. Leakage is null while none is closed.
 */
export function portfolioRealization<T extends RealizationFacts>(initiatives: readonly T[]) {
  const measured = initiatives.filter(hasBaseline).map((facts) => ({
    facts,
    // The read model does not follow closure requests, so nothing is reported as awaiting confirmation.
    figures: realizationFigures({ baseline: facts.planned, confirmed: facts.confirmed, closed: facts.stage === 5, closurePending: false }),
  }));
  const total = rollUpRealization(measured.map(({ figures }) => figures));
  return {
    initiatives: total.initiatives,
    baseline: total.baseline,
    confirmed: total.confirmed,
    benefitRealizationRate: total.realizationRate,
    leakage: total.leakage,
    closed: measured
      .filter(({ figures }) => figures.leakage !== null)
      .map(({ facts, figures }) => ({
        ...facts,
        baseline: figures.baseline,
        confirmed: figures.confirmed,
        benefitRealizationRate: figures.realizationRate,
        leakage: figures.leakage as number,
      })),
  };
}
