import type { SopCycleView } from '@tollgate/contracts/views';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { DayInput } from '../../../lib/forms/DayInput';
import { minorUnitsPerMajor } from '../../../lib/format/money';
import { ClaimFields, claimOf, NO_CLAIM } from './ClaimFields';
import { useRecordSopDecision, type SopDecisionInput } from '../api/record-sop-decision';

const NO_ACTION = { title: '', ownerId: '', dueDate: '', expectedEffect: '', doneWhen: '' };

/**
 * The chair's decision on one subject, with the rationale every decision
 * needs. `asks`: an accepted mitigation may say what counts as done; a
 * resolution may name the action it asks for, which is then followed.
 */
export function DecisionForm({
  cycle,
  kinds,
  subject,
  label,
  asks,
  currency = 'EUR',
}: {
  cycle: SopCycleView;
  kinds: Array<{ kind: string; label: string; colour?: string }>;
  subject: string | null;
  label: string;
  asks?: 'done-when' | 'action';
  currency?: string;
}) {
  const [rationale, setRationale] = useState('');
  const [action, setAction] = useState(NO_ACTION);
  const [claim, setClaim] = useState(NO_CLAIM);
  const decide = useRecordSopDecision(cycle.id, () => {
    setRationale('');
    setAction(NO_ACTION);
    setClaim(NO_CLAIM);
  });
  const field = (name: keyof typeof NO_ACTION) => (value: string) => setAction((current) => ({ ...current, [name]: value }));
  const asked = (): SopDecisionInput['action'] => {
    if (asks === 'done-when') return action.doneWhen.trim() ? { doneWhen: action.doneWhen } : null;
    if (asks === 'action') return Object.values(action).some((value) => value.trim()) ? action : null;
    return null;
  };
  return (
    <Stack gap={6} mt="xs">
      <Textarea label={label} value={rationale} onChange={(event) => setRationale(event.currentTarget.value)} autosize minRows={1} />
      {asks === 'done-when' && (
        <TextInput label="Done when (the evidence asked for)" placeholder="evidence that the mitigation was carried out" value={action.doneWhen} onChange={(event) => field('doneWhen')(event.currentTarget.value)} />
      )}
      {asks === 'action' && (
        <>
          <TextInput label="Action asked for (optional)" value={action.title} onChange={(event) => field('title')(event.currentTarget.value)} />
          <Group grow align="flex-start">
            <TextInput label="Action owner" value={action.ownerId} onChange={(event) => field('ownerId')(event.currentTarget.value)} />
            <DayInput label="Action due" value={action.dueDate} onChange={field('dueDate')} />
          </Group>
          <TextInput label="Expected effect" value={action.expectedEffect} onChange={(event) => field('expectedEffect')(event.currentTarget.value)} />
          <TextInput label="Done when" value={action.doneWhen} onChange={(event) => field('doneWhen')(event.currentTarget.value)} />
          <ClaimFields draft={claim} onChange={setClaim} currency={currency} />
        </>
      )}
      <Group>
        {kinds.map((choice) => (
          <Button
            key={choice.kind}
            size="sm"
            variant={choice.colour ? 'outline' : 'filled'}
            color={choice.colour}
            onClick={() => decide.mutate({ kind: choice.kind, subject, rationale, action: asked(), expects: asks === 'action' ? claimOf(claim, minorUnitsPerMajor(currency)) : null })}
            loading={decide.isPending}
            disabled={!rationale.trim()}
          >
            {choice.label}
          </Button>
        ))}
      </Group>
      <Refusal error={decide.error} />
    </Stack>
  );
}
