import type { InitiativeView } from '@tollgate/contracts/views';
import { Button, Card, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Refusal } from '../../../lib/feedback/Refusal';
import { useMoveInitiativeAside, type SideMove as Move } from '../api/move-initiative-aside';

const MOVES: Record<Move, { title: string; hint: string; button: string }> = {
  hold: { title: 'Put on hold', hint: 'Its gates wait until it is resumed.', button: 'Put on hold' },
  resume: { title: 'Resume', hint: 'Its gates may be decided again.', button: 'Resume' },
  cancel: { title: 'Cancel the initiative', hint: 'It promises nothing any more; this cannot be undone.', button: 'Cancel the initiative' },
  rollback: { title: 'Roll back one stage', hint: 'Back to the stage before, when its evidence no longer holds.', button: 'Roll back' },
};

/** A side move with the reason each one needs. */
export function SideMove({ initiative, move, onDone }: { initiative: InitiativeView; move: Move; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const send = useMoveInitiativeAside(initiative.id, move, () => {
    setReason('');
    onDone();
  });
  return (
    <Card withBorder padding="sm">
      <Text fw={600}>{MOVES[move].title}</Text>
      <Text size="sm" c="dimmed">
        {MOVES[move].hint}
      </Text>
      <Textarea label={`Reason to ${MOVES[move].button.toLowerCase()}`} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} />
      <Group mt="xs">
        <Button variant="outline" color={move === 'cancel' || move === 'rollback' ? 'red' : undefined} onClick={() => send.mutate(reason)} loading={send.isPending} disabled={reason.trim() === ''}>
          {MOVES[move].button}
        </Button>
      </Group>
      <Refusal error={send.error} />
    </Card>
  );
}
