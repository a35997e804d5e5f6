/**
 * When an initiative became Implemented (stage 4), after a stage change:
 * reaching stage 4 from below starts the clock, a rollback below 4 stops it
 * (a later return starts it afresh), and closing (stage 5) keeps it.
 */
export function implementedAtAfter(current: string | null, change: { fromStage: number; toStage: number; time: string }): string | null {
  if (change.toStage < 4) return null;
  if (change.toStage === 4 && change.fromStage < 4) return change.time;
  return current;
}
