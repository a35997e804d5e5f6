import type { SopCycleView } from '@tollgate/contracts/views';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { useRecordSopDecision } from '../api/record-sop-decision';

/** The chair's decision on one subject, with the rationale every decision needs. */
export function DecisionForm({ cycle, kinds, subject, label }: { cycle: SopCycleView; kinds: Array<{ kind: string; label: string; colour?: string }>; subject: string | null; label: string }) {
  const [rationale, setRationale] = useState('');
  const decide = useRecordSopDecision(cycle.id, () => setRationale(''));
  return (
    <Stack gap={6} mt="xs">
      <Textarea label={label} value={rationale} onChange={(event) => setRationale(event.currentTarget.value)} autosize minRows={1} />
      <Group>
        {kinds.map((choice) => (
          <Button key={choice.kind} size="sm" variant={choice.colour ? 'outline' : 'filled'} color={choice.colour} onClick={() => decide.mutate({ kind: choice.kind, subject, rationale })} loading={decide.isPending} disabled={!rationale.trim()}>
            {choice.label}
          </Button>
        ))}
      </Group>
      <Refusal error={decide.error} />
    </Stack>
  );
}
