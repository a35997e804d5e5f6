import type { SopCycleView, SopExceptionView } from '@tollgate/contracts/views';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { DayInput } from '../../../lib/forms/DayInput';
import { useSubmitMitigation } from '../api/submit-mitigation';

/** The exception's owner sends its mitigation: the action, who carries it out, by when. */
export function MitigationForm({ cycle, exception }: { cycle: SopCycleView; exception: SopExceptionView }) {
  const [action, setAction] = useState('');
  const [ownerId, setOwnerId] = useState(exception.ownerId);
  const [dueDate, setDueDate] = useState('');
  const send = useSubmitMitigation(cycle.id, exception.id);
  return (
    <Stack gap={6} mt="xs">
      <Textarea label="Mitigation: the action" value={action} onChange={(event) => setAction(event.currentTarget.value)} autosize minRows={1} />
      <Group grow>
        <TextInput label="Who carries it out" value={ownerId} onChange={(event) => setOwnerId(event.currentTarget.value)} />
        <DayInput label="By when" value={dueDate} onChange={setDueDate} />
      </Group>
      <Group>
        <Button size="sm" onClick={() => send.mutate({ action, ownerId, dueDate })} loading={send.isPending} disabled={!action.trim() || !dueDate}>
          Send the mitigation
        </Button>
      </Group>
      <Refusal error={send.error} />
    </Stack>
  );
}
