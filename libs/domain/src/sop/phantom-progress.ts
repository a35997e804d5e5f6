/** What the portfolio knows of one initiative, for the phantom progress check. */
export interface ProgressFacts {
  initiativeId: string;
  stage: number;
  status: string;
  /** When the initiative reached stage 4 (Implemented), as epoch milliseconds. */
  implementedAt: number | null;
  planned: number;
  forecast: number;
  confirmed: number;
}

export type PhantomProgressReason = 'implemented_unconfirmed' | 'on_track_forecast_under_plan';

/**
 * Progress that is not what it seems: implemented (stage 4) with no value
 * confirmed past `unconfirmedAfterMs`, or on track in execution while its
 * forecast has fallen under plan.
 */
export function phantomProgress(
  facts: ProgressFacts,
  now: number,
  unconfirmedAfterMs: number,
): PhantomProgressReason[] {
  const reasons: PhantomProgressReason[] = [];
  if (facts.stage === 4 && facts.confirmed === 0 && facts.implementedAt !== null && now - facts.implementedAt > unconfirmedAfterMs) {
    reasons.push('implemented_unconfirmed');
  }
  if (facts.status === 'on_track' && facts.stage >= 3 && facts.stage < 5 && facts.forecast < facts.planned) {
    reasons.push('on_track_forecast_under_plan');
  }
  return reasons;
}
