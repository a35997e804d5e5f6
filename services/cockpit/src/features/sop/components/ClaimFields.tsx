import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { DayInput } from '../../../lib/forms/DayInput';

/** What the chair types of an expected effect; `atLeast` in major units for money. */
export interface ClaimDraft {
  figure: string;
  atLeast: string;
  by: string;
  family: string;
  from: string;
  initiativeId: string;
}

export const NO_CLAIM: ClaimDraft = { figure: '', atLeast: '', by: '', family: '', from: '', initiativeId: '' };

const FIGURES = [
  { value: 'family_capacity', label: "A family's capacity from a month" },
  { value: 'family_demand_actual', label: "A family's actual demand in a month" },
  { value: 'node_forecast', label: "The node's forecast for the year" },
  { value: 'node_confirmed', label: 'Value confirmed by finance this year' },
  { value: 'initiative_stage', label: 'An initiative at a DoI stage' },
];

/** The claim as the API takes it; money typed in major units goes in minor units. Null when no figure is chosen. */
export function claimOf(draft: ClaimDraft, minorPerMajor: number): Record<string, unknown> | null {
  if (!draft.figure) return null;
  const money = draft.figure === 'node_forecast' || draft.figure === 'node_confirmed';
  const atLeast = draft.atLeast.trim() === '' ? Number.NaN : Math.round(Number(draft.atLeast) * (money ? minorPerMajor : 1));
  return {
    figure: draft.figure,
    atLeast: Number.isFinite(atLeast) ? atLeast : -1,
    by: draft.by,
    ...(draft.figure === 'family_capacity' || draft.figure === 'family_demand_actual' ? { family: draft.family, from: draft.from } : {}),
    ...(draft.figure === 'initiative_stage' ? { initiativeId: draft.initiativeId } : {}),
  };
}

/** The figure a decision expects by a day, checked by the engine on that day. */
export function ClaimFields({ draft, onChange, currency }: { draft: ClaimDraft; onChange: (draft: ClaimDraft) => void; currency: string }) {
  const set = (name: keyof ClaimDraft) => (value: string) => onChange({ ...draft, [name]: value });
  return (
    <>
      <Select label="Expected effect as a figure (optional)" placeholder="none" data={FIGURES} value={draft.figure || null} onChange={(value) => set('figure')(value ?? '')} clearable />
      {draft.figure && (
        <Group grow align="flex-start">
          {(draft.figure === 'family_capacity' || draft.figure === 'family_demand_actual') && (
            <TextInput label="Family" value={draft.family} onChange={(event) => set('family')(event.currentTarget.value)} />
          )}
          {(draft.figure === 'family_capacity' || draft.figure === 'family_demand_actual') && (
            <TextInput label={draft.figure === 'family_capacity' ? 'From month' : 'Month'} placeholder="2027-05" value={draft.from} onChange={(event) => set('from')(event.currentTarget.value)} />
          )}
          {draft.figure === 'initiative_stage' && <TextInput label="Initiative id" value={draft.initiativeId} onChange={(event) => set('initiativeId')(event.currentTarget.value)} />}
          <NumberInput
            label={draft.figure === 'family_capacity' || draft.figure === 'family_demand_actual' ? 'At least (units)' : draft.figure === 'initiative_stage' ? 'At least stage' : `At least (${currency})`}
            value={draft.atLeast}
            onChange={(value) => set('atLeast')(String(value))}
            thousandSeparator=","
            min={0}
          />
          <DayInput label="Checked on" value={draft.by} onChange={set('by')} />
        </Group>
      )}
    </>
  );
}
