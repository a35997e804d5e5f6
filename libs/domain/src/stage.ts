/** Degree of Implementation: the stage-gate lifecycle of an initiative, 0 to 5. */
export const STAGES = [
  { stage: 0, name: 'Defined' },
  { stage: 1, name: 'Identified' },
  { stage: 2, name: 'Detailed' },
  { stage: 3, name: 'Decided' },
  { stage: 4, name: 'Implemented' },
  { stage: 5, name: 'Closed' },
] as const;

export type Stage = (typeof STAGES)[number]['stage'];

export const FIRST_STAGE: Stage = 0;
export const LAST_STAGE: Stage = 5;

export function isStage(value: unknown): value is Stage {
  return Number.isInteger(value) && (value as number) >= FIRST_STAGE && (value as number) <= LAST_STAGE;
}

export function stageName(stage: Stage): string {
  return STAGES[stage].name;
}
