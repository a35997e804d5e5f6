import { parseIsoDuration } from '../initiative/iso-duration';
import { SOP_STEPS, type SopCyclePlan, type SopStep } from './cycle/sop-cycle-state';

type RunStep = Exclude<SopStep, 'published'>;

/** The steps that are worked on, in order; `published` is where a cycle ends. */
export const SOP_RUN_STEPS = SOP_STEPS.filter((step): step is RunStep => step !== 'published');

/** A node's S&OP setup as it is written: durations as ISO-8601 text. */
export interface SopCycleSetupText {
  owners: Record<RunStep, string>;
  durations?: Partial<Record<RunStep, string>>;
  mitigationWindow?: string;
}

export const DEFAULT_SOP_DURATIONS: Record<RunStep, string> = {
  data_gathering: 'P3D',
  demand_review: 'P4D',
  supply_review: 'P3D',
  pre_sop: 'P4D',
  executive_sop: 'P4D',
};

export const DEFAULT_MITIGATION_WINDOW = 'P3D';

/** The plan a cycle runs by, or every problem with the setup. */
export function sopCyclePlanOf(setup: SopCycleSetupText): { plan: SopCyclePlan } | { unmet: string[] } {
  const unmet: string[] = [];
  const durationsMs = {} as Record<RunStep, number>;
  for (const step of SOP_RUN_STEPS) {
    const text = setup.durations?.[step] ?? DEFAULT_SOP_DURATIONS[step];
    const ms = parseIsoDuration(text);
    if (ms === undefined) unmet.push(`durations.${step}: '${text}' is not an exact, positive duration (weeks, days, hours)`);
    else durationsMs[step] = ms;
    if (!setup.owners[step]?.trim()) unmet.push(`owners.${step}: an owner is required`);
  }
  const windowText = setup.mitigationWindow ?? DEFAULT_MITIGATION_WINDOW;
  const mitigationWindowMs = parseIsoDuration(windowText);
  if (mitigationWindowMs === undefined) unmet.push(`mitigationWindow: '${windowText}' is not an exact, positive duration (weeks, days, hours)`);
  if (unmet.length || mitigationWindowMs === undefined) return { unmet };
  const owners = Object.fromEntries(SOP_RUN_STEPS.map((step) => [step, setup.owners[step].trim()])) as Record<RunStep, string>;
  return { plan: { owners, durationsMs, mitigationWindowMs } };
}
